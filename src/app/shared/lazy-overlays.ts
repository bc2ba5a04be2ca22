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
 */
export function dialogOf(injector: Injector): Promise<MatDialog> {
  return import('@angular/material/dialog').then((m) => injector.get(m.MatDialog));
}

export function snackBarOf(injector: Injector): Promise<MatSnackBar> {
  return import('@angular/material/snack-bar').then((m) => injector.get(m.MatSnackBar));
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
