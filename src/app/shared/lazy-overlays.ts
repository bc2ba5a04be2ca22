import { type Injector } from '@angular/core';
import type { MatDialog, MatDialogConfig, MatDialogRef } from '@angular/material/dialog';
import type { MatSnackBar } from '@angular/material/snack-bar';
import { type Observable, from, switchMap } from 'rxjs';

import { type DialogLoader, openLazily, openLazilyForChoice } from './dialog-result';

/**
 * MatDialog and MatSnackBar, imported on first use. A page that may open a dialog or show a
 * message does not need their code (Material's and the CDK's dialog, the snack bar) to paint, and
 * a cold first view downloads whatever its chunks import statically; the chunk is fetched once,
 * later calls find it loaded. The services come from `injector`, as `inject()` would give them.
 *
 * One promise per injector: what is opened through it opens in the order it was asked for. Two
 * `import()` calls made while the chunk downloads may settle in either order, and a message told
 * second ("applied") was then replaced by the one told first ("no answer yet, checking").
 */
const dialogs = new WeakMap<Injector, Promise<MatDialog>>();
const snackBars = new WeakMap<Injector, Promise<MatSnackBar>>();

function once<T>(cache: WeakMap<Injector, Promise<T>>, injector: Injector, load: () => Promise<T>) {
  let loaded = cache.get(injector);
  if (!loaded) {
    // A failed download is not kept: the next call fetches the chunk again.
    loaded = load().catch((error: unknown) => {
      cache.delete(injector);
      throw error;
    });
    cache.set(injector, loaded);
  }
  return loaded;
}

export function dialogOf(injector: Injector): Promise<MatDialog> {
  return once(dialogs, injector, () =>
    import('@angular/material/dialog').then((m) => injector.get(m.MatDialog)),
  );
}

export function snackBarOf(injector: Injector): Promise<MatSnackBar> {
  return once(snackBars, injector, () =>
    import('@angular/material/snack-bar').then((m) => injector.get(m.MatSnackBar)),
  );
}

/** `openLazily` on the MatDialog of `injector`, imported on first use (`dialogOf`). */
export async function openLazilyIn<C, D = unknown, R = unknown>(
  injector: Injector,
  load: DialogLoader<C>,
  config: MatDialogConfig<D>,
): Promise<MatDialogRef<C, R> | undefined> {
  return openLazily<C, D, R>(await dialogOf(injector), load, config);
}

/** `openLazilyForChoice` on the MatDialog of `injector`, imported on first use (`dialogOf`). */
export function openLazilyForChoiceIn<T, C = unknown, D = unknown>(
  injector: Injector,
  load: DialogLoader<C>,
  config: MatDialogConfig<D>,
): Observable<T> {
  return from(dialogOf(injector)).pipe(
    switchMap((dialog) => openLazilyForChoice<T, C, D>(dialog, load, config)),
  );
}
