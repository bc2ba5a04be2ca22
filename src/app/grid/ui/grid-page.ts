import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  contentChild,
  inject,
} from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { TranslatePipe } from '@ngx-translate/core';

import { PAGE_SIZES } from '../model/view';
import { GridStore } from '../state/grid.store';
import { ColumnChooserDialog } from './dialogs/column-chooser.dialog';
import { FilterBuilderDialog } from './filter-builder/filter-builder.dialog';
import { FilterChips } from './filter-chips';
import { GridI18n } from './grid-i18n';
import { GridLocale } from './grid-locale';
import { GridBulkBar, GridRowActions } from './grid-slots';
import { GridStates } from './grid-states';
import { GridTable } from './grid-table';
import { TranslatedPaginatorIntl } from './paginator-intl';
import { QuickFilters } from './quick-filters';
import { RefreshControls } from './refresh-controls';
import { SelectionBanner } from './selection-banner';
import { ViewsMenu } from './views-menu';

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
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './grid-page.html',
  styleUrl: './grid-page.scss',
})
export class GridPage {
  protected readonly store = inject(GridStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly locale = inject(GridLocale);
  protected readonly labels = this.store.definition.labels;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly rowActions = contentChild(GridRowActions);
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

  protected openFilters(): void {
    this.dialog.open(FilterBuilderDialog, {
      injector: this.injector,
      width: '980px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
  }

  protected openColumns(): void {
    this.dialog.open(ColumnChooserDialog, {
      injector: this.injector,
      width: '620px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
  }

  protected paged(event: PageEvent): void {
    this.store.setPage(event.pageIndex, event.pageSize);
  }
}
