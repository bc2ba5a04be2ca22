import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  contentChild,
  inject,
  viewChild,
} from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { TranslatePipe } from '@ngx-translate/core';

import { openLazilyIn } from '../../shared/lazy-overlays';
import { PAGE_SIZES } from '../model/view';
import { GridStore } from '../state/grid.store';
import { FilterChips } from './filter-chips';
import { GridI18n } from './grid-i18n';
import { ConsoleLocale } from '../../shared/console-locale';
import { GridBulkBar, GridRowActions } from './grid-slots';
import { GridStates } from './grid-states';
import { GridTable } from './grid-table';
import { isTypingTarget } from './grid-table.keys';
import { TranslatedPaginatorIntl } from './paginator-intl';
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
    MatButtonToggleModule,
    MatIconModule,
    MatPaginatorModule,
    TranslatePipe,
    FilterChips,
    GridStates,
    GridTable,
    QuickFilters,
    RefreshControls,
    SelectionBanner,
    ViewsMenu,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
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
  protected readonly pageSizes = PAGE_SIZES;
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

  protected paged(event: PageEvent): void {
    this.store.setPage(event.pageIndex, event.pageSize);
  }
}
