import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  contentChild,
  inject,
  viewChild,
  viewChildren,
} from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { openLazilyIn } from '../../shared/lazy-overlays';
import type { Density } from '../model/preferences';
import { GridStore } from '../state/grid.store';
import { FilterChips } from './filter-chips';
import { GridI18n } from './grid-i18n';
import { GridPaginator } from './grid-paginator';
import { ConsoleLocale } from '../../shared/console-locale';
import { GridBulkBar, GridRowActions } from './grid-slots';
import { GridStates } from './grid-states';
import { GridTable } from './grid-table';
import { isTypingTarget } from './grid-table.keys';
import { QuickFilters } from './quick-filters';
import { RefreshControls } from './refresh-controls';
import { SelectionBanner } from './selection-banner';
import { ViewsMenu } from './views-menu';

// Module-level loaders: openLazily knows a dialog being fetched by its loader, so that a second
// click meanwhile opens nothing.
const filterBuilder = () =>
  import('./filter-builder/filter-builder.dialog').then((m) => m.FilterBuilderDialog);
const columnChooser = () =>
  import('./dialogs/column-chooser.dialog').then((m) => m.ColumnChooserDialog);
const shortcutsDialog = () => import('./grid-page.shortcuts').then((m) => m.ShortcutsDialog);

/**
 * THE grid page of every resource: title and total, quick filters, filter builder, column
 * chooser, saved views, refresh controls, active filter chips, the table and the paginator.
 * The resource page provides the definition (`provideGrid`) and fills two slots:
 * `appGridRowActions` (the last cell of each row) and `appGridBulkBar` (above the table).
 */
@Component({
  selector: 'app-grid-page',
  imports: [
    NgTemplateOutlet,
    MatBadgeModule,
    MatButtonModule,
    MatIconModule,
    TranslatePipe,
    FilterChips,
    GridPaginator,
    GridStates,
    GridTable,
    QuickFilters,
    RefreshControls,
    SelectionBanner,
    ViewsMenu,
  ],
  host: { '(document:keydown)': 'shortcut($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './grid-page.html',
  styleUrl: './grid-page.scss',
})
export class GridPage {
  protected readonly store = inject(GridStore);
  private readonly injector = inject(Injector);
  private readonly locale = inject(ConsoleLocale);
  protected readonly labels = this.store.definition.labels;
  /** The row density radio group, in order (arrow keys move along it). */
  protected readonly densities: readonly { value: Density; label: string; icon: string }[] = [
    { value: 'comfortable', label: 'grid.density.comfortable', icon: 'density_medium' },
    { value: 'compact', label: 'grid.density.compact', icon: 'density_small' },
  ];
  private readonly densityChoices = viewChildren<ElementRef<HTMLElement>>('densityChoice');
  protected readonly rowActions = contentChild(GridRowActions);
  private readonly quick = viewChild(QuickFilters);
  protected readonly bulkBar = contentChild(GridBulkBar);
  protected readonly view = this.store.view;
  protected readonly page = this.store.page;
  protected readonly total = computed(() => this.locale.number(this.page().total));
  private readonly i18n = inject(GridI18n);
  protected readonly urlNotice = computed(() =>
    this.store
      .urlProblems()
      .map((part) => this.i18n.t(`grid.url.parts.${part}`))
      .join(', '),
  );
  protected readonly builderCount = computed(() =>
    this.view().filters.groups.reduce((sum, group) => sum + group.length, 0),
  );

  // Dialogs load on first open (openLazilyIn): the first paint needs neither MatDialog nor
  // the dialogs themselves.
  protected setDensity(density: Density): void {
    this.store.preferences.update({ density });
  }

  /** A radio group's keys: an arrow moves to the other choice and selects it, as Tab does not. */
  protected densityKey(event: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const count = this.densities.length;
    const at = this.densities.findIndex((d) => d.value === this.store.preferences.density());
    const to = (at + step + count) % count;
    const choice = this.densities[to];
    if (choice === undefined) return;
    this.setDensity(choice.value);
    this.densityChoices()[to]?.nativeElement.focus();
  }

  protected openFilters(): Promise<unknown> {
    return openLazilyIn(this.injector, filterBuilder, {
      injector: this.injector,
      width: '980px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
  }

  protected openColumns(): Promise<unknown> {
    return openLazilyIn(this.injector, columnChooser, {
      injector: this.injector,
      width: '620px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
  }

  protected openShortcuts(): Promise<unknown> {
    return openLazilyIn(this.injector, shortcutsDialog, {
      width: '520px',
      maxWidth: '96vw',
      autoFocus: 'dialog',
    });
  }

  /** `/` focuses the search, `?` lists the shortcuts — unless the user is typing or in a dialog. */
  protected shortcut(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    // An open dialog, menu or select lives in an overlay pane.
    if (document.querySelector('.cdk-overlay-pane')) return;
    if (event.key === '/' && this.quick()?.focusSearch()) event.preventDefault();
    else if (event.key === '?') {
      event.preventDefault();
      void this.openShortcuts();
    }
  }
}
