import { type Provider } from '@angular/core';
import { MAT_DIALOG_DEFAULT_OPTIONS, MatDialog, MatDialogConfig } from '@angular/material/dialog';

/**
 * Every dialog takes the focus in the frame it first shows in. Material waits for the end of its
 * opening animation (150 ms, longer on a busy machine) by default; until then Tab and Enter still
 * reached the page behind the backdrop, so a quick "Tab, Enter" after a confirmation appeared
 * could press a toolbar button instead of the dialog's own (seen in CI: the density switch wrote
 * the grid's preferences while an import was being dismissed).
 *
 * `MatDialog` is provided again beside its options because the root one reads its options from
 * the root injector; this one shares the root's list of open dialogs (its parent). Provided by
 * the lazy parent of the feature routes, with the tooltip defaults, to keep the dialog code out
 * of the initial bundle.
 */
export function provideDialogDefaults(): Provider[] {
  return [
    MatDialog,
    {
      provide: MAT_DIALOG_DEFAULT_OPTIONS,
      useValue: { ...new MatDialogConfig(), delayFocusTrap: false } satisfies MatDialogConfig,
    },
  ];
}
