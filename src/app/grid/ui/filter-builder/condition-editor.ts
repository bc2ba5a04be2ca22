import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';

import { CUSTOM_PREFIX, customKeyOf } from '../../model/columns';
import type { ConditionError, FieldResolver } from '../../model/filter-proto';
import {
  type Condition,
  type FilterType,
  defaultOperator,
  isOperatorOf,
  operatorsFor,
} from '../../model/filter-types';
import type { FieldGroup } from './field-options';
import { ValueEditor } from './value-editor';

/** One condition: field (or custom key), an operator valid for its type, a value editor of that type. */
@Component({
  selector: 'app-condition-editor',
  imports: [
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ValueEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './condition-editor.html',
  styleUrl: './condition-editor.scss',
})
export class ConditionEditor {
  readonly condition = input.required<Condition>();
  readonly fields = input.required<readonly FieldGroup[]>();
  readonly resolve = input.required<FieldResolver>();
  readonly customKeys = input<readonly string[]>([]);
  readonly allowCustom = input(false);
  readonly error = input<ConditionError>();
  /** "Condition 2 of group 1", the accessible name of this row. */
  readonly label = input.required<string>();
  readonly changed = output<Condition>();
  readonly removed = output<void>();

  protected readonly customKey = computed(() => customKeyOf(this.condition().field));
  protected readonly fieldValue = computed(() =>
    this.customKey() !== undefined ? CUSTOM_PREFIX : this.condition().field,
  );
  protected readonly field = computed(() => this.resolve()(this.condition().field));
  /** A custom key not typed yet still edits as a string. */
  protected readonly type = computed<FilterType>(() => this.field()?.type ?? 'string');
  protected readonly operators = computed(() => operatorsFor(this.type()));
  protected readonly keySuggestions = computed(() => {
    const typed = (this.customKey() ?? '').toLowerCase();
    return this.customKeys()
      .filter((key) => key.toLowerCase().includes(typed))
      .slice(0, 50);
  });
  protected readonly keyMissing = computed(() => this.customKey() === '');
  /** What the definition says about filtering on this field (e.g. a computed column). */
  protected readonly hint = computed(() => {
    const key = this.condition().field;
    for (const group of this.fields())
      for (const column of group.fields) if (column.key === key) return column.filterHint;
    return undefined;
  });
  protected readonly valueError = computed(() => {
    const error = this.error();
    return error === 'field' || error === 'operator' ? undefined : error;
  });

  protected chooseField(value: string): void {
    const next = value === CUSTOM_PREFIX ? CUSTOM_PREFIX + (this.customKey() ?? '') : value;
    const type = this.resolve()(next)?.type ?? 'string';
    const current = this.condition();
    const sameType = (this.field()?.type ?? 'string') === type;
    this.changed.emit({
      field: next,
      op: sameType && isOperatorOf(type, current.op) ? current.op : defaultOperator(type),
      values: sameType ? current.values : initialValues(type),
    });
  }

  protected chooseKey(key: string): void {
    this.changed.emit({ ...this.condition(), field: CUSTOM_PREFIX + key });
  }

  protected chooseOperator(op: Condition['op']): void {
    this.changed.emit({ ...this.condition(), op });
  }

  protected chooseValues(values: string[]): void {
    this.changed.emit({ ...this.condition(), values });
  }
}

export function initialValues(type: FilterType): string[] {
  return type === 'status' ? [] : type === 'boolean' ? ['true'] : [''];
}
