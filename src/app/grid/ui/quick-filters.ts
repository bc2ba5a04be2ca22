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
  viewChildren,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { Subject, debounceTime } from 'rxjs';

import { resolveColumn } from '../model/columns';
import { GridStore } from '../state/grid.store';
import { elementId } from '../../shared/element-id';

/**
 * One-click filters: a search box, status chips and preset toggles ("Active only", "Finished only").
 * The status chips are a multi-select listbox and the presets switches, written out with
 * Material's tokens: MatChipsModule and MatSlideToggle (82 + 31 kB raw) were on the first view
 * only for these (see bench/README.md, first view bytes). Roles and names stay those Material
 * gives (listbox/option with aria-selected, switch with aria-checked), and so does the keyboard:
 * one tab stop for the listbox, arrows and Home/End move, Space/Enter toggle. The search box is a
 * plain <input type="search"> with its <label> in an outlined field (_outlined-field.scss): it kept
 * MatFormField and MatInput on the first view.
 */
@Component({
  selector: 'app-quick-filters',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (quick?.search; as search) {
      <div class="search">
        <mat-icon class="search-icon" aria-hidden="true">search</mat-icon>
        <label class="field-label" [for]="searchId">{{ search.label | translate }}</label>
        <input
          #search
          class="field-control"
          type="search"
          autocomplete="off"
          spellcheck="false"
          [id]="searchId"
          [value]="text()"
          (input)="typed($any($event.target).value)"
          (keydown.enter)="commit()"
        />
        @if (text() !== '') {
          <button
            mat-icon-button
            type="button"
            class="clear"
            [attr.aria-label]="'grid.quick.clearSearch' | translate"
            (click)="typed(''); commit()"
          >
            <mat-icon aria-hidden="true">close</mat-icon>
          </button>
        }
      </div>
    }
    @if (quick?.status; as status) {
      <div
        class="statuses"
        role="listbox"
        aria-multiselectable="true"
        aria-orientation="horizontal"
        [attr.aria-label]="status.label | translate"
      >
        @for (key of status.keys; track key; let i = $index) {
          <span
            #option
            role="option"
            class="status"
            [class.selected]="isSelected(key)"
            [attr.aria-selected]="isSelected(key)"
            [attr.tabindex]="i === focused() ? 0 : -1"
            (click)="focused.set(i); toggleStatus(key)"
            (keydown)="statusKey($event, status.keys)"
          >
            @if (isSelected(key)) {
              <mat-icon aria-hidden="true">check</mat-icon>
            }
            {{ statusLabel(key) | translate }}
          </span>
        }
      </div>
      @for (preset of status.presets ?? []; track preset.label) {
        <button
          type="button"
          role="switch"
          class="preset"
          [attr.aria-checked]="presetOn(preset.keys)"
          (click)="togglePreset(preset.keys, !presetOn(preset.keys))"
        >
          <span class="track" aria-hidden="true"><span class="handle"></span></span>
          {{ preset.label | translate }}
        </button>
      }
    }
  `,
  styles: `
    @use 'outlined-field' as field;

    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .search {
      @include field.field;
      width: 280px;
    }
    .search-icon {
      margin-left: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .search .field-control {
      padding: 0 8px;
    }
    // The browser's own clear button would be a second, unnamed one.
    .search .field-control::-webkit-search-cancel-button {
      appearance: none;
    }
    .clear {
      --mat-icon-button-state-layer-size: 36px;
      padding: 6px;
    }
    .statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    // Material 3's filter chip: 32 px, outlined, 8 px corners; selected = secondary container.
    .status {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      height: 32px;
      box-sizing: border-box;
      padding: 0 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      cursor: pointer;
      user-select: none;
    }
    .status:hover {
      background: color-mix(in srgb, var(--mat-sys-on-surface) 8%, transparent);
    }
    .status.selected {
      padding-left: 8px;
      border-color: transparent;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .status mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .status:focus-visible,
    .preset:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    // Material 3's switch: a 52 × 32 track, its handle at the start when off, at the end when on.
    .preset {
      display: inline-flex;
      align-items: center;
      gap: 12px;
      padding: 0;
      border: 0;
      border-radius: 16px;
      background: none;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface);
      cursor: pointer;
    }
    .track {
      position: relative;
      width: 52px;
      height: 32px;
      box-sizing: border-box;
      border: 2px solid var(--mat-sys-outline);
      border-radius: 16px;
      background: var(--mat-sys-surface-container-highest);
      transition: background-color 150ms;
    }
    .handle {
      position: absolute;
      top: 6px;
      left: 6px;
      width: 16px;
      height: 16px;
      border-radius: 50%;
      background: var(--mat-sys-outline);
      transition:
        left 150ms,
        width 150ms,
        height 150ms,
        top 150ms;
    }
    .preset[aria-checked='true'] .track {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary);
    }
    .preset[aria-checked='true'] .handle {
      top: 2px;
      left: 22px;
      width: 24px;
      height: 24px;
      background: var(--mat-sys-on-primary);
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
  protected readonly searchId = elementId('quick-search');
  protected readonly text = signal(this.store.view().filters.search);
  private readonly typing = new Subject<string>();
  protected readonly selected = computed(() => this.store.view().filters.statuses);
  /** The status option that holds the listbox's one tab stop (arrows move it). */
  protected readonly focused = signal(0);
  private readonly options = viewChildren<ElementRef<HTMLElement>>('option');
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

  protected isSelected(key: string): boolean {
    return this.selected().includes(key);
  }

  protected toggleStatus(key: string): void {
    const selected = this.selected();
    this.setStatuses(
      selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key],
    );
  }

  /** The listbox's keys: arrows, Home and End move between statuses; Space and Enter toggle. */
  protected statusKey(event: KeyboardEvent, keys: readonly string[]): void {
    const at = this.focused();
    const last = keys.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: Math.min(at + 1, last),
      ArrowDown: Math.min(at + 1, last),
      ArrowLeft: Math.max(at - 1, 0),
      ArrowUp: Math.max(at - 1, 0),
      Home: 0,
      End: last,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      this.focused.set(to);
      this.options()[to]?.nativeElement.focus();
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      const key = keys[at];
      if (key !== undefined) this.toggleStatus(key);
    }
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
