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
 * Each module is imported through one promise, and every caller chains on it: what is opened
 * opens in the order it was asked for, whichever injector asks. Two `import()` calls made while
 * the chunk downloads may settle in either order, and a message told second ("applied") was then
 * replaced by the one told first ("no answer yet, checking").
 */
const dialogModule = importOnce(() => import('@angular/material/dialog'));
const snackBarModule = importOnce(() => import('@angular/material/snack-bar'));

/** `load`, run once; a failed download is not kept, so the next call fetches the chunk again. */
function importOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}

export function dialogOf(injector: Injector): Promise<MatDialog> {
  return dialogModule().then((m) => injector.get(m.MatDialog));
}

export function snackBarOf(injector: Injector): Promise<MatSnackBar> {
  return snackBarModule().then((m) => injector.get(m.MatSnackBar));
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
