import { type ComponentType } from '@angular/cdk/overlay';
import { type MatDialog, type MatDialogConfig, type MatDialogRef } from '@angular/material/dialog';
import { EMPTY, type Observable, filter, from, map, switchMap, take } from 'rxjs';

/**
 * The one way a dialog answers: it resolves to an explicit confirmed value or it is dismissed.
 *
 * A dialog closes with `confirmed(value)` — and only from its own confirm handler. Whatever else
 * closes it (a `mat-dialog-close` button, Escape, a backdrop click, navigation, the dialog being
 * destroyed) closes it with something that is not a `Confirmed`, and `choiceOf` emits nothing.
 * `''`, `true`, `{}` or `undefined` can therefore never be mistaken for a choice.
 */
const BRAND: unique symbol = Symbol('confirmed');

export interface Confirmed<T> {
  readonly [BRAND]: true;
  readonly value: T;
}

/** What a dialog closes with when the operator chose to go ahead. */
export function confirmed<T>(value: T): Confirmed<T> {
  return Object.freeze({ [BRAND]: true as const, value });
}

export function isConfirmed(result: unknown): result is Confirmed<unknown> {
  return typeof result === 'object' && result !== null && BRAND in result;
}

/**
 * The explicit value of every dismiss button: `[mat-dialog-close]="dismissed"`. Any value that is
 * not `Confirmed` is a dismissal; this one says so in the template (a bare `mat-dialog-close`
 * is rejected by `dialog-close.spec.ts`).
 */
export const DISMISSED = 'dismissed' as const;

/** A dialog whose ref closes with a `Confirmed<T>` when it is confirmed. */
export type ChoiceDialogRef<C, T> = MatDialogRef<C, Confirmed<T> | typeof DISMISSED>;

/** Emits the confirmed value once, then completes; completes without emitting on any dismissal. */
export function choiceOf<T>(ref: MatDialogRef<unknown, unknown>): Observable<T> {
  return ref.afterClosed().pipe(
    take(1),
    filter(isConfirmed),
    map((result) => result.value as T),
  );
}

/** Opens a dialog and returns its choice: see `choiceOf`. */
export function openForChoice<T, C = unknown, D = unknown>(
  dialog: MatDialog,
  component: ComponentType<C>,
  config: MatDialogConfig<D>,
): Observable<T> {
  return choiceOf<T>(dialog.open<C, D, Confirmed<T>>(component, config));
}

/**
 * Imports a dialog's component on first open (`() => import('./x.dialog').then((m) => m.X)`):
 * the dialog and what only it uses (forms, drag and drop, chips…) stay out of the page's chunk,
 * which a cold first view downloads whole. Later opens find the chunk already loaded.
 */
export type DialogLoader<C> = () => Promise<ComponentType<C>>;

/**
 * Loaders whose dialog is being fetched: a second click (or key) meanwhile opens nothing, as the
 * backdrop of a dialog opened at once would have caught it.
 */
const loading = new Set<DialogLoader<unknown>>();

/** Loads the dialog (see `DialogLoader`), then opens it; `undefined` if it was already loading. */
export async function openLazily<C, D = unknown, R = unknown>(
  dialog: MatDialog,
  load: DialogLoader<C>,
  config: MatDialogConfig<D>,
): Promise<MatDialogRef<C, R> | undefined> {
  if (loading.has(load)) return undefined;
  loading.add(load);
  try {
    return dialog.open<C, D, R>(await load(), config);
  } finally {
    loading.delete(load);
  }
}

/** `openForChoice` for a dialog loaded on first open: emits nothing if it was already loading. */
export function openLazilyForChoice<T, C = unknown, D = unknown>(
  dialog: MatDialog,
  load: DialogLoader<C>,
  config: MatDialogConfig<D>,
): Observable<T> {
  return from(openLazily<C, D, Confirmed<T>>(dialog, load, config)).pipe(
    switchMap((ref) => (ref ? choiceOf<T>(ref) : EMPTY)),
  );
}
