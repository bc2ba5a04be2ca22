import { DestroyRef, Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslateService } from '@ngx-translate/core';

/** The paginator's words in the active language, updated when it changes. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly translate = inject(TranslateService);

  constructor() {
    super();
    this.translate.onLangChange
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.relabel());
    this.relabel();
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return this.translate.instant('grid.paginator.none') as string;
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    const format = new Intl.NumberFormat(this.translate.getCurrentLang() ?? 'en');
    return this.translate.instant('grid.paginator.range', {
      start: format.format(start),
      end: format.format(end),
      total: format.format(length),
    }) as string;
  };

  private relabel(): void {
    this.itemsPerPageLabel = this.translate.instant('grid.paginator.itemsPerPage') as string;
    this.nextPageLabel = this.translate.instant('grid.paginator.next') as string;
    this.previousPageLabel = this.translate.instant('grid.paginator.previous') as string;
    this.firstPageLabel = this.translate.instant('grid.paginator.first') as string;
    this.lastPageLabel = this.translate.instant('grid.paginator.last') as string;
    this.changes.next();
  }
}
