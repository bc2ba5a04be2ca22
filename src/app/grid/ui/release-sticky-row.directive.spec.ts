import { Component, signal, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatTable, MatTableModule } from '@angular/material/table';

import { ReleaseStickyRowDirective } from './release-sticky-row.directive';

interface Row {
  id: string;
}

/** A table with a sticky column, like the grid's pinned id column; `release` adds the directive. */
@Component({
  imports: [MatTableModule, ReleaseStickyRowDirective],
  template: `
    <table mat-table [dataSource]="rows()" [trackBy]="track">
      <ng-container matColumnDef="id" sticky>
        <th mat-header-cell *matHeaderCellDef>Id</th>
        <td mat-cell *matCellDef="let row">{{ row.id }}</td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="['id']"></tr>
      @if (release) {
        <tr mat-row appReleaseStickyRow *matRowDef="let row; columns: ['id']"></tr>
      } @else {
        <tr mat-row *matRowDef="let row; columns: ['id']"></tr>
      }
    </table>
  `,
})
class StickyTableHost {
  release = true;
  readonly rows = signal<Row[]>([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
  readonly table = viewChild.required(MatTable);
  readonly track = (_: number, row: Row) => row.id;
}

/** Rows the table's sticky styler still holds for a later re-positioning (CDK internals). */
function queuedRows(table: MatTable<Row>): HTMLElement[] {
  const styler = (
    table as unknown as {
      _stickyStyler: { _updatedStickyColumnsParamsToReplay: { rows: HTMLElement[] }[] };
    }
  )._stickyStyler;
  return styler._updatedStickyColumnsParamsToReplay.flatMap((update) => update.rows);
}

/** Renders rows a, b, c, then replaces a by d (a refresh where one session left the page). */
async function refreshWithoutA(release: boolean) {
  TestBed.configureTestingModule({});
  const fixture = TestBed.createComponent(StickyTableHost);
  fixture.componentInstance.release = release;
  await fixture.whenStable();
  const host = fixture.nativeElement as HTMLElement;
  const rowA = [...host.querySelectorAll('tr')].find((tr) => tr.textContent?.trim() === 'a');
  fixture.componentInstance.rows.set([{ id: 'b' }, { id: 'c' }, { id: 'd' }]);
  await fixture.whenStable();
  const queued = queuedRows(fixture.componentInstance.table());
  return { host, rowA, queued };
}

describe('ReleaseStickyRowDirective', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('a row removed from a table with sticky columns is no longer held by the table', async () => {
    const { host, rowA, queued } = await refreshWithoutA(true);
    expect(rowA).toBeDefined();
    expect(host.contains(rowA!)).toBe(false);
    expect(queued).not.toContain(rowA);
    // The rows on screen are still queued: a later width change re-positions them.
    expect(
      queued.filter((tr) => tr.matches('tr[mat-row]')).map((tr) => tr.textContent?.trim()),
    ).toEqual(['b', 'c', 'd']);
  });

  it('without it, the CDK keeps the removed row (the leak this directive exists for)', async () => {
    const { host, rowA, queued } = await refreshWithoutA(false);
    expect(host.contains(rowA!)).toBe(false);
    expect(queued).toContain(rowA);
  });
});
