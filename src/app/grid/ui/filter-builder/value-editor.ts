import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ErrorStateMatcher } from '@angular/material/core';
import { TranslatePipe } from '@ngx-translate/core';

import type { StatusSet } from '../../model/definition';
import type { FilterType } from '../../model/filter-types';
import type { ConditionError } from '../../model/filter-proto';
import { parseDateTime } from '../../model/filter-values';

/**
 * The value field of a condition, by type: text, whole number, date-time picker (local time,
 * stored as UTC), duration, yes/no, or several statuses. Invalid input is flagged here and the
 * builder will not apply it.
 */
@Component({
  selector: 'app-value-editor',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" class="value" subscriptSizing="dynamic">
      <mat-label>{{ 'grid.filters.value' | translate }}</mat-label>
      @switch (type()) {
        @case ('status') {
          <mat-select
            multiple
            [value]="values()"
            [errorStateMatcher]="matcher()"
            (selectionChange)="changed.emit($event.value)"
          >
            @if (statuses(); as set) {
              @for (look of set.looks; track look.key) {
                <mat-option [value]="look.key">{{ set.label(look.key) | translate }}</mat-option>
              }
            }
          </mat-select>
        }
        @case ('boolean') {
          <mat-select
            [value]="values()[0]"
            [errorStateMatcher]="matcher()"
            (selectionChange)="changed.emit([$event.value])"
          >
            <mat-option value="true">{{ 'grid.values.yes' | translate }}</mat-option>
            <mat-option value="false">{{ 'grid.values.no' | translate }}</mat-option>
          </mat-select>
        }
        @case ('date') {
          <input
            matInput
            type="datetime-local"
            step="1"
            [value]="localDate()"
            [errorStateMatcher]="matcher()"
            (input)="dateTyped($any($event.target))"
          />
        }
        @default {
          <input
            matInput
            type="text"
            autocomplete="off"
            spellcheck="false"
            [attr.inputmode]="type() === 'number' ? 'numeric' : null"
            [value]="values()[0] ?? ''"
            [errorStateMatcher]="matcher()"
            (input)="changed.emit([$any($event.target).value])"
          />
        }
      }
      @if (error(); as error) {
        <mat-hint class="error">{{ 'grid.filters.errors.' + error | translate }}</mat-hint>
      } @else if (type() === 'duration') {
        <mat-hint>{{ 'grid.filters.durationHint' | translate }}</mat-hint>
      } @else if (type() === 'date') {
        <mat-hint>{{ 'grid.filters.dateHint' | translate }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    .value {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ValueEditor {
  readonly type = input.required<FilterType>();
  readonly values = input.required<readonly string[]>();
  readonly statuses = input<StatusSet>();
  readonly error = input<ConditionError>();
  readonly changed = output<string[]>();

  protected readonly matcher = computed<ErrorStateMatcher>(() => {
    const invalid = this.error() !== undefined;
    return { isErrorState: () => invalid };
  });

  /** The stored UTC instant as the picker's local "YYYY-MM-DDTHH:mm:ss". */
  protected readonly localDate = computed(() => {
    const parsed = parseDateTime(this.values()[0] ?? '');
    if (!parsed.ok) return '';
    const date = new Date(Number(parsed.value.seconds) * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return (
      `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
      `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
    );
  });

  protected dateTyped(input: HTMLInputElement): void {
    // A partly typed or impossible date leaves the picker's value empty (badInput): keep it
    // flagged rather than guessing. A complete one is local time, stored as UTC.
    if (input.value === '') return this.changed.emit([input.validity?.badInput ? 'invalid' : '']);
    const local = new Date(input.value);
    this.changed.emit([Number.isNaN(local.getTime()) ? input.value : local.toISOString()]);
  }
}
