import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { customKeyOf, resolveColumn } from '../model/columns';
import { type ChipSource, chipsSentence, filterChips, withoutChip } from '../model/describe-filter';
import { NO_FILTERS } from '../model/filter-types';
import { hasFilters } from '../model/view';
import { GridStore } from '../state/grid.store';
import { GridI18n } from './grid-i18n';
import { ConsoleLocale } from '../../shared/console-locale';

/**
 * The active filters in plain words, each removable, plus "Clear filters". A chip is a label and
 * a remove button in a list, styled with Material's tokens: MatChipsModule (82 kB raw with its
 * grid-navigation and focus machinery) was the first view's largest Material piece for this, and
 * the chips need none of it (see bench/README.md, first view bytes).
 */
@Component({
  selector: 'app-filter-chips',
  imports: [NgTemplateOutlet, MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (active()) {
      <div class="chips" role="group" [attr.aria-label]="'grid.chips.label' | translate">
        <span class="visually-hidden">{{ sentence() }}</span>
        <ul class="chip-list">
          @for (chip of chips().shared; track chip.id; let first = $first) {
            @if (!first) {
              <li class="joiner" aria-hidden="true">{{ 'grid.words.and' | translate }}</li>
            }
            <li class="chip">
              <ng-container *ngTemplateOutlet="chipBody; context: { $implicit: chip }" />
            </li>
          }
          @for (group of chips().groups; track $index; let g = $index; let firstGroup = $first) {
            @if (firstGroup && chips().shared.length > 0) {
              <li class="joiner" aria-hidden="true">{{ 'grid.words.and' | translate }}</li>
            }
            @if (!firstGroup) {
              <li class="joiner or" aria-hidden="true">{{ 'grid.words.or' | translate }}</li>
            }
            <li class="group-item">
              <ul class="group" [class.bracketed]="chips().groups.length > 1">
                @for (chip of group; track chip.id; let first = $first) {
                  @if (!first) {
                    <li class="joiner" aria-hidden="true">{{ 'grid.words.and' | translate }}</li>
                  }
                  <li class="chip">
                    <ng-container *ngTemplateOutlet="chipBody; context: { $implicit: chip }" />
                  </li>
                }
              </ul>
            </li>
          }
        </ul>
        <button mat-button type="button" (click)="clear()">
          {{ 'grid.chips.clear' | translate }}
        </button>
      </div>
    }
    <!-- One chip: its words, and a remove button named after them. -->
    <ng-template #chipBody let-chip>
      <span class="chip-text">{{ chip.text }}</span>
      <button
        type="button"
        class="chip-remove"
        [attr.aria-label]="'grid.chips.remove' | translate: { filter: chip.text }"
        (click)="remove(chip.source)"
      >
        <mat-icon aria-hidden="true">cancel</mat-icon>
      </button>
    </ng-template>
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
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .chip-list,
    .group {
      display: inline-flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 4px;
    }
    .group-item {
      display: inline-flex;
    }
    // Material 3's input chip: 32 px, outlined, 8 px corners, label-large text.
    .chip {
      display: inline-flex;
      align-items: center;
      height: 32px;
      box-sizing: border-box;
      padding: 0 4px 0 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .chip-remove {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 24px;
      height: 24px;
      margin-left: 4px;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: none;
      color: inherit;
      cursor: pointer;
    }
    .chip-remove:hover {
      background: color-mix(in srgb, var(--mat-sys-on-surface) 8%, transparent);
    }
    .chip-remove:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    .chip-remove mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .joiner {
      align-self: center;
      font: var(--mat-sys-label-small);
      letter-spacing: 0.08em;
      color: var(--mat-sys-on-surface-variant);
      margin: 0 4px;
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
