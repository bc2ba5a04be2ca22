import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslatePipe } from '@ngx-translate/core';
import { Subject, debounceTime } from 'rxjs';

import { resolveColumn } from '../model/columns';
import { GridStore } from '../state/grid.store';

/** One-click filters: a search box, status chips and a preset toggle ("Active only"). */
@Component({
  selector: 'app-quick-filters',
  imports: [
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSlideToggleModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (quick?.search; as search) {
      <mat-form-field class="search" appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ search.label | translate }}</mat-label>
        <mat-icon matPrefix aria-hidden="true">search</mat-icon>
        <input
          matInput
          type="search"
          autocomplete="off"
          spellcheck="false"
          [value]="text()"
          (input)="typed($any($event.target).value)"
          (keydown.enter)="commit()"
        />
        @if (text() !== '') {
          <button
            matSuffix
            mat-icon-button
            type="button"
            [attr.aria-label]="'grid.quick.clearSearch' | translate"
            (click)="typed(''); commit()"
          >
            <mat-icon aria-hidden="true">close</mat-icon>
          </button>
        }
      </mat-form-field>
    }
    @if (quick?.status; as status) {
      <mat-chip-listbox
        class="statuses"
        multiple
        [attr.aria-label]="status.label | translate"
        [value]="selected()"
        (change)="setStatuses($event.value)"
      >
        @for (key of status.keys; track key) {
          <mat-chip-option [value]="key">{{ statusLabel(key) | translate }}</mat-chip-option>
        }
      </mat-chip-listbox>
      @if (status.preset; as preset) {
        <mat-slide-toggle [checked]="presetOn()" (change)="togglePreset($event.checked)">{{
          preset.label | translate
        }}</mat-slide-toggle>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .search {
      width: 280px;
    }
  `,
})
export class QuickFilters {
  private readonly store = inject(GridStore);
  protected readonly quick = this.store.definition.quick;
  private readonly statusColumn = this.quick?.status
    ? resolveColumn(this.store.definition, this.quick.status.column)
    : undefined;

  protected readonly text = signal(this.store.view().filters.search);
  private readonly typing = new Subject<string>();
  protected readonly selected = computed(() => this.store.view().filters.statuses);
  protected readonly presetOn = computed(() => {
    const preset = this.quick?.status?.preset?.keys ?? [];
    const selected = this.selected();
    return (
      preset.length > 0 &&
      preset.length === selected.length &&
      preset.every((k) => selected.includes(k))
    );
  });

  /** The search last written to the URL from here, so our own write does not clobber newer typing. */
  private committed = this.text();

  constructor() {
    // The URL may change under us (back/forward, a saved view, a removed chip): show what it says.
    effect(() => {
      const search = this.store.view().filters.search;
      if (search === this.committed) return;
      this.committed = search;
      this.text.set(search);
    });
    this.typing
      .pipe(debounceTime(350), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.commit());
  }

  protected statusLabel(key: string): string {
    return this.statusColumn?.statuses?.label(key) ?? key;
  }

  protected typed(value: string): void {
    this.text.set(value);
    this.typing.next(value);
  }

  protected commit(): void {
    const filters = this.store.view().filters;
    this.committed = this.text();
    if (filters.search !== this.text()) this.store.setFilters({ ...filters, search: this.text() });
  }

  protected setStatuses(keys: readonly string[] | undefined): void {
    const filters = this.store.view().filters;
    this.store.setFilters({ ...filters, statuses: [...(keys ?? [])] });
  }

  protected togglePreset(on: boolean): void {
    this.setStatuses(on ? (this.quick?.status?.preset?.keys ?? []) : []);
  }
}
