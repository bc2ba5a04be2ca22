import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';

import { customColumnKey, customKeyOf, moveKey, resolveColumn } from '../../model/columns';
import type { ColumnDef } from '../../model/definition';
import type { Density } from '../../model/preferences';
import { GridStore } from '../../state/grid.store';
import { customKeySuggestions } from '../filter-builder/field-options';
import { GridI18n } from '../grid-i18n';
import { CountGroupsDialog } from './count-groups.dialog';
import { DISMISSED } from '../../../shared/dialog-result';

/**
 * Which columns, in which order, and how dense: edited on a working copy and applied at once
 * (one history entry). Keyboard users reorder with the arrows here; mouse users can also drag
 * the headers. Custom columns are added by key, with keys seen in the loaded rows suggested.
 */
@Component({
  selector: 'app-column-chooser-dialog',
  imports: [
    MatAutocompleteModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './column-chooser.dialog.html',
  styleUrl: './column-chooser.dialog.scss',
})
export class ColumnChooserDialog {
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
  private readonly store = inject(GridStore);
  private readonly ref = inject(MatDialogRef<ColumnChooserDialog>);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(GridI18n);
  protected readonly definition = this.store.definition;
  protected readonly hasCounts = !!this.definition.counts;

  protected readonly visible = signal<string[]>([...this.store.view().columns]);
  protected readonly custom = signal<string[]>([
    ...new Set([
      ...this.store.preferences.customColumns(),
      ...this.visible()
        .map(customKeyOf)
        .filter((k) => k !== undefined),
    ]),
  ]);
  protected readonly density = signal<Density>(this.store.preferences.density());
  protected readonly newKey = signal('');

  /** Shown columns first (in their order), then the hidden ones in the definition's order. */
  protected readonly rows = computed(() => {
    const visible = this.visible();
    const all: ColumnDef[] = [
      ...this.definition.columns,
      // A custom key the definition cannot resolve has no column to show.
      ...this.custom().flatMap((key) => resolveColumn(this.definition, customColumnKey(key)) ?? []),
    ];
    const shown = visible
      .map((key) => all.find((c) => c.key === key))
      .filter((c) => c !== undefined);
    const hidden = all.filter((c) => !visible.includes(c.key));
    return [...shown, ...hidden].map((column) => ({
      column,
      name: this.name(column),
      shown: visible.includes(column.key),
      position: visible.indexOf(column.key),
    }));
  });

  protected readonly suggestions = computed(() => {
    const typed = this.newKey().toLowerCase();
    const taken = new Set(this.custom());
    return customKeySuggestions(this.definition, this.store.page().rows, [])
      .filter((key) => !taken.has(key) && key.toLowerCase().includes(typed))
      .slice(0, 50);
  });

  protected name(column: ColumnDef): string {
    return column.title ?? this.i18n.t(column.label);
  }

  protected toggle(key: string, shown: boolean): void {
    this.visible.update((keys) => (shown ? [...keys, key] : keys.filter((k) => k !== key)));
  }

  protected move(key: string, by: number): void {
    const keys = this.visible();
    const from = keys.indexOf(key);
    this.visible.set(moveKey(keys, from, from + by));
  }

  protected addCustom(): void {
    const key = this.newKey().trim();
    if (key === '') return;
    if (!this.custom().includes(key)) this.custom.update((keys) => [...keys, key]);
    const columnKey = customColumnKey(key);
    if (!this.visible().includes(columnKey)) this.visible.update((keys) => [...keys, columnKey]);
    this.newKey.set('');
  }

  protected removeCustom(key: string): void {
    this.custom.update((keys) => keys.filter((k) => k !== key));
    this.visible.update((keys) => keys.filter((k) => k !== customColumnKey(key)));
  }

  protected reset(): void {
    this.visible.set([...this.definition.defaultColumns]);
    this.density.set('comfortable');
  }

  protected editGroups(): void {
    this.dialog.open(CountGroupsDialog, {
      injector: this.injector,
      width: '800px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
  }

  protected apply(): void {
    if (this.visible().length === 0) return;
    const preferences = this.store.preferences;
    preferences.update({ customColumns: this.custom(), density: this.density() });
    this.store.setColumns(this.visible());
    this.ref.close(true);
  }
}
