import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { customKeyOf, resolveColumn } from '../model/columns';
import { type ChipSource, chipsSentence, filterChips, withoutChip } from '../model/describe-filter';
import { NO_FILTERS } from '../model/filter-types';
import { hasFilters } from '../model/view';
import { GridStore } from '../state/grid.store';
import { GridI18n } from './grid-i18n';
import { ConsoleLocale } from '../../shared/console-locale';

/** The active filters in plain words, each removable, plus "Clear filters". */
@Component({
  selector: 'app-filter-chips',
  imports: [MatButtonModule, MatChipsModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (active()) {
      <div class="chips" role="group" [attr.aria-label]="'grid.chips.label' | translate">
        <span class="visually-hidden">{{ sentence() }}</span>
        <mat-chip-set aria-hidden="false">
          @for (chip of chips().shared; track chip.id; let first = $first) {
            @if (!first) {
              <span class="joiner" aria-hidden="true">{{ 'grid.words.and' | translate }}</span>
            }
            <mat-chip (removed)="remove(chip.source)">
              {{ chip.text }}
              <button
                matChipRemove
                [attr.aria-label]="'grid.chips.remove' | translate: { filter: chip.text }"
              >
                <mat-icon aria-hidden="true">cancel</mat-icon>
              </button>
            </mat-chip>
          }
          @for (group of chips().groups; track $index; let g = $index; let firstGroup = $first) {
            @if (firstGroup && chips().shared.length > 0) {
              <span class="joiner" aria-hidden="true">{{ 'grid.words.and' | translate }}</span>
            }
            @if (!firstGroup) {
              <span class="joiner or" aria-hidden="true">{{ 'grid.words.or' | translate }}</span>
            }
            <span class="group" [class.bracketed]="chips().groups.length > 1">
              @for (chip of group; track chip.id; let first = $first) {
                @if (!first) {
                  <span class="joiner" aria-hidden="true">{{ 'grid.words.and' | translate }}</span>
                }
                <mat-chip (removed)="remove(chip.source)">
                  {{ chip.text }}
                  <button
                    matChipRemove
                    [attr.aria-label]="'grid.chips.remove' | translate: { filter: chip.text }"
                  >
                    <mat-icon aria-hidden="true">cancel</mat-icon>
                  </button>
                </mat-chip>
              }
            </span>
          }
        </mat-chip-set>
        <button mat-button type="button" (click)="clear()">
          {{ 'grid.chips.clear' | translate }}
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .chips {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 4px;
    }
    .joiner {
      align-self: center;
      font: var(--mat-sys-label-small);
      letter-spacing: 0.08em;
      color: var(--mat-sys-on-surface-variant);
      margin: 0 4px;
    }
    .group {
      align-self: center;
      display: inline-flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 4px;
    }
    .group.bracketed {
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 16px;
      padding: 2px 6px;
    }
  `,
})
export class FilterChips {
  private readonly store = inject(GridStore);
  private readonly i18n = inject(GridI18n);
  private readonly locale = inject(ConsoleLocale);

  protected readonly active = computed(() => hasFilters(this.store.view().filters));
  protected readonly chips = computed(() =>
    filterChips(this.store.view().filters, this.store.quickFields, {
      t: (key, params) => this.i18n.t(key, params),
      field: this.store.resolveField,
      fieldName: (key) => {
        const custom = customKeyOf(key);
        if (custom !== undefined) return custom;
        const column = resolveColumn(this.store.definition, key);
        return column ? this.i18n.t(column.label) : key;
      },
      date: (ms) => this.locale.date(ms),
    }),
  );
  protected readonly sentence = computed(() =>
    this.i18n.t('grid.chips.sentence', {
      filters: chipsSentence(
        this.chips(),
        this.i18n.t('grid.words.and'),
        this.i18n.t('grid.words.or'),
      ),
    }),
  );

  protected remove(source: ChipSource): void {
    this.store.setFilters(withoutChip(this.store.view().filters, source));
  }

  protected clear(): void {
    this.store.setFilters(NO_FILTERS);
  }
}
