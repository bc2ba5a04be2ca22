import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
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

/** One-click filters: a search box, status chips and preset toggles ("Active only", "Finished only"). */
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
          #search
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
      @for (preset of status.presets ?? []; track preset.label) {
        <mat-slide-toggle
          class="preset"
          [checked]="presetOn(preset.keys)"
          (change)="togglePreset(preset.keys, $event.checked)"
          >{{ preset.label | translate }}</mat-slide-toggle
        >
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
    // A visible focus ring on the switches, in light and dark.
    .preset ::ng-deep .mdc-switch:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 3px;
      border-radius: 12px;
    }
  `,
})
export class QuickFilters {
  private readonly store = inject(GridStore);
  protected readonly quick = this.store.definition.quick;
  private readonly statusColumn = this.quick?.status
    ? resolveColumn(this.store.definition, this.quick.status.column)
    : undefined;

  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('search');
  protected readonly text = signal(this.store.view().filters.search);
  private readonly typing = new Subject<string>();
  protected readonly selected = computed(() => this.store.view().filters.statuses);
  /** A preset toggle is on when the chips select exactly its statuses. */
  protected presetOn(keys: readonly string[]): boolean {
    const selected = this.selected();
    return keys.length === selected.length && keys.every((k) => selected.includes(k));
  }

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

  protected togglePreset(keys: readonly string[], on: boolean): void {
    this.setStatuses(on ? keys : []);
  }

  /** The `/` shortcut. */
  focusSearch(): boolean {
    const input = this.searchInput()?.nativeElement;
    input?.focus();
    input?.select();
    return input !== undefined;
  }
}
