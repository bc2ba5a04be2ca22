import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { type ConditionError, filterProblems } from '../../model/filter-proto';
import { type Condition, type FilterGroup, defaultOperator } from '../../model/filter-types';
import { GridStore } from '../../state/grid.store';
import { GridI18n } from '../grid-i18n';
import { ConditionEditor, initialValues } from './condition-editor';
import { customKeySuggestions, fieldGroups } from './field-options';
import { DISMISSED } from '../../../shared/dialog-result';

/**
 * The filter builder: OR of AND-groups, edited on a working copy. Apply stays disabled until
 * every condition is valid, so a bad filter never reaches the URL, let alone the server.
 */
@Component({
  selector: 'app-filter-builder-dialog',
  imports: [MatDialogModule, MatButtonModule, MatIconModule, TranslatePipe, ConditionEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './filter-builder.dialog.html',
  styleUrl: './filter-builder.dialog.scss',
})
export class FilterBuilderDialog {
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
  private readonly store = inject(GridStore);
  private readonly ref = inject(MatDialogRef<FilterBuilderDialog>);
  private readonly i18n = inject(GridI18n);
  protected readonly definition = this.store.definition;
  protected readonly resolve = this.store.resolveField;
  protected readonly fields = fieldGroups(this.definition);
  protected readonly allowCustom = !!this.definition.custom;
  protected readonly customKeys = computed(() =>
    customKeySuggestions(
      this.definition,
      this.store.page().rows,
      this.store.preferences.customColumns(),
    ),
  );

  protected readonly groups = signal<Condition[][]>(
    this.store.view().filters.groups.map((group) => [...group]),
  );
  private readonly problems = computed(() => filterProblems(this.groups(), this.resolve));
  protected readonly valid = computed(() => this.problems().length === 0);
  protected readonly problemCount = computed(() => this.problems().length);

  protected errorOf(group: number, index: number): ConditionError | undefined {
    return this.problems().find((p) => p.group === group && p.index === index)?.error;
  }

  protected conditionLabel(group: number, index: number): string {
    return this.i18n.t('grid.filters.conditionLabel', { condition: index + 1, group: group + 1 });
  }

  protected addGroup(): void {
    this.groups.update((groups) => [...groups, [this.newCondition()]]);
  }

  protected addCondition(group: number): void {
    this.groups.update((groups) =>
      groups.map((g, i) => (i === group ? [...g, this.newCondition()] : g)),
    );
  }

  protected change(group: number, index: number, condition: Condition): void {
    this.groups.update((groups) =>
      groups.map((g, i) => (i === group ? g.map((c, j) => (j === index ? condition : c)) : g)),
    );
  }

  protected remove(group: number, index: number): void {
    this.groups.update((groups) =>
      groups
        .map((g, i) => (i === group ? g.filter((_, j) => j !== index) : g))
        .filter((g) => g.length > 0),
    );
  }

  protected removeGroup(group: number): void {
    this.groups.update((groups) => groups.filter((_, i) => i !== group));
  }

  protected clearAll(): void {
    this.groups.set([]);
  }

  protected apply(): void {
    if (!this.valid()) return;
    const groups: FilterGroup[] = this.groups().filter((group) => group.length > 0);
    this.store.setFilters({ ...this.store.view().filters, groups });
    this.ref.close(true);
  }

  private newCondition(): Condition {
    const first = this.fields[0]?.fields[0];
    const type = first?.filter ?? 'string';
    return {
      field: first?.key ?? 'custom.',
      op: defaultOperator(type),
      values: initialValues(type),
    };
  }
}
