import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  type TemplateRef,
  afterEveryRender,
  afterRenderEffect,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';

import { isSortable, moveKey } from '../model/columns';
import { countColorCss } from '../model/counts';
import type { ColumnDef } from '../model/definition';
import { GridCountsStore } from '../state/counts.store';
import { GridStore } from '../state/grid.store';
import { FlashDirective } from './flash.directive';
import { GridCell } from './grid-cell';
import { PlainTextCells } from './cells/plain-text';
import { GridI18n } from './grid-i18n';
import type { RowActionsContext } from './grid-slots';
import { type CellPosition, isMenuKey, moveCell } from './grid-table.keys';
import {
  ACTIONS_WIDTH,
  COUNT_SLOT,
  HEADER_HEIGHT,
  ROW_HEIGHT,
  SELECT_WIDTH,
  type ColumnWindow,
  columnWidth,
  columnWindow,
  pinnedRun,
} from './grid-table.layout';
import { GridTipsDirective } from './grid-table.tips';
import { InViewDirective, RowVisibility } from './in-view.directive';
import { ReleaseStickyRowDirective } from './release-sticky-row.directive';

const SELECT = '_select';
const ACTIONS = '_actions';
/** The spacers standing for the scrolling columns left and right of the rendered ones. */
const LEAD = '_lead';
const TRAIL = '_trail';
/** The drag data type of a header being moved. */
const COLUMN_DRAG = 'application/x-grid-column';
/** Elements that would each be a tab stop; inside the grid, arrow keys reach them instead. */
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not(td):not(th)';

/**
 * The table: Material's table in a virtual scroll viewport (only the rows in view plus a small
 * buffer are in the DOM; rows have a fixed height per density), sortable and draggable headers,
 * selection, cells by kind, a row-actions slot. The selection, identity and status columns
 * (the definition's `pinned`) and the actions column stay in view while the rest scrolls
 * sideways. It follows the ARIA grid pattern: one tab stop, arrow keys between cells,
 * Home/End/PageUp/PageDown, Enter opens the row, Space selects it, Shift+F10 opens its actions.
 */
@Component({
  selector: 'app-grid-table',
  imports: [
    NgTemplateOutlet,
    ScrollingModule,
    MatCheckboxModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    TranslatePipe,
    GridCell,
    FlashDirective,
    GridTipsDirective,
    InViewDirective,
    ReleaseStickyRowDirective,
  ],
  providers: [RowVisibility, PlainTextCells],
  // Keys and focus of the cells bubble up to here (the cells are the grid's focus targets).
  host: { '(keydown)': 'keydown($event)', '(focusin)': 'focused($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './grid-table.html',
  styleUrl: './grid-table.scss',
})
export class GridTable {
  protected readonly store = inject(GridStore);
  protected readonly counts = inject(GridCountsStore);
  protected readonly plainText = inject(PlainTextCells);
  private readonly i18n = inject(GridI18n);
  readonly rowActions = input<TemplateRef<RowActionsContext>>();

  protected readonly definition = this.store.definition;
  protected readonly labels = this.definition.labels;
  protected readonly selectable = this.definition.selectable !== false;
  protected readonly columns = this.store.columns;
  protected readonly page = this.store.page;
  protected readonly rows = computed(() => this.page().rows);
  protected readonly selection = this.store.selection;
  protected readonly density = this.store.preferences.density;
  protected readonly compact = computed(() => this.density() === 'compact');
  protected readonly rowHeight = computed(() => ROW_HEIGHT[this.density()]);
  protected readonly headerHeight = computed(() => HEADER_HEIGHT[this.density()]);
  protected readonly skeleton = computed(() => {
    const page = this.page();
    return page.rows.length === 0 && page.generation === 0 && !page.error ? [0, 1, 2, 3, 4, 5] : [];
  });
  protected readonly sort = computed(() => this.store.view().sort);
  /** aria-rowindex of the page's first row: the header is row 1, rows of earlier pages come before. */
  protected readonly firstRowIndex = computed(() => {
    const view = this.store.view();
    return view.page * view.pageSize + 2;
  });

  /**
   * Every column of the grid, in order: what aria-colindex numbers and the arrow keys walk,
   * rendered or not.
   */
  protected readonly allColumns = computed(() => [
    ...(this.selectable ? [SELECT] : []),
    ...this.columns().map((column) => column.key),
    ACTIONS,
  ]);
  /** aria-colindex of each column (1-based). */
  protected readonly colIndexes = computed(
    () => new Map(this.allColumns().map((key, i) => [key, i + 1])),
  );
  protected readonly pinned = computed(() =>
    pinnedRun(
      this.columns().map((column) => column.key),
      this.definition.pinned,
    ),
  );
  /** The columns that scroll sideways (after the pinned run). */
  private readonly scrolling = computed(() =>
    this.columns()
      .map((column) => column.key)
      .filter((key) => !this.pinned().has(key)),
  );
  /** How far the viewport is scrolled sideways, and how wide it is (0: no layout, all columns). */
  private readonly scrollX = signal(0);
  /**
   * Until the viewport is measured (after the first render, which may already hold the rows),
   * the window's width stands in: a few columns too many rather than all of them twice.
   */
  private readonly viewWidth = signal(typeof window === 'undefined' ? 0 : window.innerWidth);
  /** Which scrolling columns the rows render: the ones in view and an overscan (layout.ts). */
  protected readonly window = computed(
    () =>
      columnWindow(
        this.scrolling().map((key) => this.widths().get(key) ?? 0),
        this.scrollX(),
        this.viewWidth(),
        this.pinnedWidth(),
      ),
    { equal: sameWindow },
  );
  /** The two spacers' widths: the scrolling columns before and after the rendered ones. */
  protected readonly spacers = computed(() => [
    { key: LEAD, width: this.window().lead },
    { key: TRAIL, width: this.window().trail },
  ]);
  /** The columns rendered: pinned ones, a spacer, the scrolling ones in view, a spacer, actions. */
  protected readonly displayed = computed(() => {
    const scrolling = this.scrolling();
    const { first, end, lead, trail } = this.window();
    return [
      ...(this.selectable ? [SELECT] : []),
      ...this.pinned(),
      ...(lead > 0 ? [LEAD] : []),
      ...scrolling.slice(first, end),
      ...(trail > 0 ? [TRAIL] : []),
      ACTIONS,
    ];
  });

  /** The counts column's legend: the user's groups, in order, with their colours. */
  protected readonly legend = computed(() =>
    this.store.preferences.countGroups().map((group) => ({
      id: group.id,
      name: this.i18n.groupName(group),
      color: countColorCss(group.color),
    })),
  );
  protected readonly countSlot = COUNT_SLOT;

  protected readonly widths = computed(() => {
    const groups = this.store.preferences.countGroups().length;
    const widths = new Map<string, number>([
      [SELECT, SELECT_WIDTH],
      [ACTIONS, ACTIONS_WIDTH],
    ]);
    for (const column of this.columns())
      widths.set(column.key, columnWidth(column, this.columnName(column), groups));
    return widths;
  });
  protected readonly tableWidth = computed(() =>
    this.allColumns().reduce((sum, key) => sum + (this.widths().get(key) ?? 0), 0),
  );
  /** Room the pinned columns take: keyboard focus scrolls cells out from under them. */
  protected readonly pinnedWidth = computed(
    () =>
      (this.selectable ? SELECT_WIDTH : 0) +
      [...this.pinned()].reduce((sum, key) => sum + (this.widths().get(key) ?? 0), 0),
  );
  /** As tall as its rows (up to the screen's room, in CSS), so a short page leaves no gap. */
  protected readonly viewportHeight = computed(
    () => this.headerHeight() + Math.max(1, this.rows().length) * this.rowHeight() + 18,
  );

  protected readonly pageEntries = computed(() =>
    this.rows().map((row) => [this.definition.rowId(row), row] as const),
  );
  protected readonly pageSelected = computed(() => {
    const entries = this.pageEntries();
    if (this.selection.allMatching()) return entries.length > 0 ? 'all' : 'none';
    const ids = this.selection.ids();
    const picked = entries.filter(([id]) => ids.has(id)).length;
    return picked === 0 ? 'none' : picked === entries.length ? 'all' : 'some';
  });

  private readonly viewport = viewChild(CdkVirtualScrollViewport);
  private readonly tableRef = viewChild<string, ElementRef<HTMLTableElement>>('table', {
    read: ElementRef,
  });
  /**
   * Whether the grid is scrolled sideways. The pinned columns stick only then: at the left edge
   * `position: sticky` changes nothing visible, yet each sticky cell is a compositor layer of
   * its own, three a row (bench section 7). The actions column sticks always (at the left edge
   * it is what keeps the row's menu in view).
   */
  protected readonly sideways = computed(() => this.scrollX() !== 0);
  /** The header being dragged (its index among the columns) and the edge it would land on. */
  protected readonly dragFrom = signal<number | undefined>(undefined);
  /** A pointer button is down (plain listeners: no change detection for a press). */
  private pressing = false;
  private readonly destroyRef = inject(DestroyRef);
  protected readonly dropAt = signal<{ index: number; edge: 'left' | 'right' } | undefined>(
    undefined,
  );
  /** The cell that holds the grid's one tab stop. */
  private readonly active = signal<CellPosition>({ row: 0, col: 0 });
  private tabStop?: HTMLElement;
  /** The cell that last had the focus: re-rendered rows (a sideways scroll) must give it back. */
  private lastFocus?: CellPosition & { readonly cell: HTMLElement };

  constructor() {
    // After each render: exactly one cell is tabbable (the active one, or the nearest rendered
    // one when it scrolled out), and no control inside a row is a tab stop of its own.
    afterEveryRender({ write: () => this.syncTabStop() });
    const observer =
      typeof MutationObserver === 'undefined'
        ? undefined
        : new MutationObserver((records) => {
            for (const record of records)
              for (const node of record.addedNodes) if (node instanceof Element) untab(node);
          });
    let observed: HTMLTableElement | undefined;
    afterEveryRender({
      write: () => {
        const table = this.tableRef()?.nativeElement;
        if (!table || !observer || observed === table) return;
        observed = table;
        untab(table);
        observer.observe(table, { childList: true, subtree: true });
      },
    });
    inject(DestroyRef).onDestroy(() => observer?.disconnect());
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const release = () => (this.pressing = false);
    host.addEventListener('pointerdown', () => (this.pressing = true), { capture: true });
    for (const type of ['pointerup', 'pointercancel', 'dragend'])
      host.ownerDocument.addEventListener(type, release, { capture: true });
    inject(DestroyRef).onDestroy(() => {
      for (const type of ['pointerup', 'pointercancel', 'dragend'])
        host.ownerDocument.removeEventListener(type, release, { capture: true });
    });
    // A plain listener: a vertical scroll only reads a number, and Angular runs only for a
    // sideways one (the scroll event comes before the frame's animation callbacks, where the
    // zoneless scheduler renders, so the pinned cells stick and the column window moves in the
    // frame that first moves).
    let scroller: HTMLElement | undefined;
    afterEveryRender({
      write: () => {
        const element = this.viewport()?.elementRef.nativeElement;
        if (!element || scroller === element) return;
        scroller = element;
        element.addEventListener(
          'scroll',
          () => {
            const x = Math.abs(element.scrollLeft);
            if (x === this.scrollX()) return;
            this.scrollX.set(x);
          },
          { passive: true },
        );
        this.viewWidth.set(element.clientWidth);
        if (typeof ResizeObserver === 'undefined') return;
        const resizes = new ResizeObserver(() => this.viewWidth.set(element.clientWidth));
        resizes.observe(element);
        this.destroyRef.onDestroy(() => resizes.disconnect());
      },
    });
    // The viewport grows with the page's rows (and shrinks with the density): the CDK measures
    // its size once, so tell it, or it keeps rendering only as many rows as the first size held.
    afterRenderEffect({
      read: () => {
        this.viewportHeight();
        this.viewport()?.checkViewportSize();
      },
    });
  }

  protected readonly trackRow = (_: number, row: unknown) => this.definition.rowId(row);

  protected columnName(column: ColumnDef): string {
    return column.title ?? this.i18n.t(column.label);
  }

  protected sortable(column: ColumnDef): boolean {
    return isSortable(column);
  }

  protected ariaSort(column: ColumnDef): string | null {
    const sort = this.sort();
    if (sort.column !== column.key) return this.sortable(column) ? 'none' : null;
    return sort.direction === 'asc' ? 'ascending' : 'descending';
  }

  protected rowId(row: unknown): string {
    return this.definition.rowId(row);
  }

  protected isSelected(id: string): boolean {
    return this.selection.allMatching() || this.selection.ids().has(id);
  }

  protected toggleRow(row: unknown): void {
    this.selection.toggle(this.rowId(row), row, this.pageEntries());
  }

  protected togglePage(checked: boolean): void {
    this.selection.setPage(this.pageEntries(), checked);
  }

  // ---- reordering columns by dragging a header (native drag and drop; README, "The table") ----

  protected dragStart(event: DragEvent, index: number): void {
    this.dragFrom.set(index);
    // Firefox starts a drag only with some data; a type of its own keeps it out of text fields.
    event.dataTransfer?.setData(COLUMN_DRAG, String(index));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  /** Over a header: the column lands on the side of it the pointer is on. */
  protected dragOver(event: DragEvent, index: number): void {
    if (this.dragFrom() === undefined) return; // something else is dragged (a file, text)
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const edge = event.clientX < box.left + box.width / 2 ? 'left' : 'right';
    const at = this.dropAt();
    if (at?.index !== index || at.edge !== edge) this.dropAt.set({ index, edge });
  }

  protected drop(event: DragEvent): void {
    const from = this.dragFrom();
    const at = this.dropAt();
    this.dragEnd();
    if (from === undefined || !at) return;
    event.preventDefault();
    const rtl = getComputedStyle(event.currentTarget as HTMLElement).direction === 'rtl';
    const before = (at.edge === 'left') !== rtl;
    const target = before ? at.index : at.index + 1;
    const to = target > from ? target - 1 : target;
    if (to === from) return;
    const keys = this.columns().map((column) => column.key);
    this.store.setColumns(moveKey(keys, from, to));
  }

  protected dragEnd(): void {
    this.dragFrom.set(undefined);
    this.dropAt.set(undefined);
  }

  // ---- keyboard (ARIA grid pattern) ----

  /**
   * A click or a focused control inside a cell makes that cell the active one, and the cell
   * takes the focus (a closed row menu or dialog gives it back to its button, inside the cell):
   * the grid's keys then work the same wherever the focus came from. Enter uses the control.
   * Not while a pointer presses a header's sort button: moving the focus then would cancel the
   * drag the press may start (Chromium starts none once the focus has moved).
   */
  protected focused(event: FocusEvent): void {
    const position = this.positionOf(event.target);
    if (!position) return;
    this.active.set(position);
    this.syncTabStop();
    const cell = this.cellAt(position);
    this.lastFocus = cell && { cell, ...position };
    if (cell && event.target !== cell && !(position.row < 0 && this.pressing))
      cell.focus({ preventScroll: true });
  }

  protected keydown(event: KeyboardEvent): void {
    const position = this.positionOf(event.target);
    if (!position) return;
    const cell = this.cellAt(position)!;
    const onCell = event.target === cell;
    if (isMenuKey(event)) {
      const actions = { row: position.row, col: this.allColumns().length - 1 };
      const menu = this.cellAt(actions)?.querySelector('button');
      if (menu) {
        event.preventDefault();
        menu.click();
      }
      return;
    }
    if (event.key === 'Enter' && onCell) {
      event.preventDefault();
      this.activate(position, cell);
      return;
    }
    if (event.key === ' ' && onCell) {
      event.preventDefault();
      this.toggleAt(position, cell);
      return;
    }
    const next = moveCell(position, event.key, event.ctrlKey || event.metaKey, {
      rows: this.rows().length,
      cols: this.allColumns().length,
      pageRows: this.pageRows(),
    });
    if (!next) return;
    event.preventDefault();
    this.moveTo(next);
  }

  private moveTo(position: CellPosition, attempt = 0): void {
    this.active.set(position);
    const cell = this.cellAt(position);
    if (cell) {
      this.syncTabStop();
      cell.focus();
      return;
    }
    // Not rendered (scrolled away): bring its row, then its column, into view, and focus the
    // cell once it is drawn.
    if (!this.rowElement(position.row)) {
      if (attempt === 0) this.viewport()?.scrollToIndex(Math.max(0, position.row - 1));
    } else this.scrollToColumn(position.col);
    if (attempt < 20) requestAnimationFrame(() => this.moveTo(position, attempt + 1));
  }

  /** Scrolls sideways just enough for a column to show between the pinned ones and the actions. */
  private scrollToColumn(col: number): void {
    const element = this.viewport()?.elementRef.nativeElement;
    const key = this.allColumns()[col];
    if (!element || key === undefined || !this.scrolling().includes(key)) return;
    const widths = this.widths();
    const left = this.allColumns()
      .slice(0, col)
      .reduce((sum, k) => sum + (widths.get(k) ?? 0), 0);
    const right = left + (widths.get(key) ?? 0);
    const x = Math.abs(element.scrollLeft);
    const start = this.pinnedWidth();
    const end = element.clientWidth - ACTIONS_WIDTH;
    if (left < x + start) element.scrollLeft = left - start;
    else if (right > x + end) element.scrollLeft = right - end;
  }

  /** Enter: a header sorts; a cell with one control uses it; any other cell opens the row. */
  private activate(position: CellPosition, cell: HTMLElement): void {
    const controls = [...cell.querySelectorAll<HTMLElement>('a[href], button')];
    if (position.row < 0 || (controls.length === 1 && !cell.querySelector('input'))) {
      (controls[0] ?? cell.querySelector<HTMLElement>('input'))?.click();
      return;
    }
    const link = this.rowLink(position.row);
    link?.click();
  }

  /** Space: selects the row (or, on the header, the page). */
  private toggleAt(position: CellPosition, cell: HTMLElement): void {
    if (!this.selectable) return;
    if (position.row < 0) {
      if (position.col === 0) cell.querySelector<HTMLElement>('input')?.click();
      return;
    }
    const row: unknown = this.rows()[position.row];
    if (row !== undefined) this.toggleRow(row);
  }

  /** The row's own link: the first link of its first link column (its identity). */
  private rowLink(row: number): HTMLElement | null {
    const col = this.allColumns().findIndex(
      (key) => this.columns().find((column) => column.key === key)?.kind === 'link',
    );
    return col < 0
      ? null
      : (this.cellAt({ row, col })?.querySelector<HTMLElement>('a[href]') ?? null);
  }

  private pageRows(): number {
    const height = this.viewport()?.getViewportSize() ?? 0;
    return Math.max(1, Math.floor((height - this.headerHeight()) / this.rowHeight()) - 1);
  }

  private positionOf(target: EventTarget | null): CellPosition | undefined {
    if (!(target instanceof Element)) return undefined;
    const cell = target.closest('td, th');
    const tr = cell?.parentElement;
    if (!cell || !tr || !this.tableRef()?.nativeElement.contains(cell)) return undefined;
    const index = tr.getAttribute('data-index');
    const row = tr.closest('thead') ? -1 : index === null ? undefined : Number(index);
    // Spacer cells have no column index: they are no cell of the grid.
    const col = Number(cell.getAttribute('aria-colindex')) - 1;
    if (row === undefined || col < 0) return undefined;
    return { row, col };
  }

  private cellAt(position: CellPosition): HTMLElement | undefined {
    return cellOf(this.rowElement(position.row), position.col);
  }

  /** The header row (row -1) or a page row, if rendered. */
  private rowElement(row: number): Element | null | undefined {
    const table = this.tableRef()?.nativeElement;
    return row < 0
      ? table?.querySelector('thead tr')
      : table?.querySelector(`tbody tr[data-index="${row}"]`);
  }

  private syncTabStop(): void {
    const table = this.tableRef()?.nativeElement;
    if (!table) return;
    const { row, col } = this.active();
    const column = Math.min(col, this.allColumns().length - 1);
    // The active cell, else the nearest rendered one: in its row, or in the first rendered row.
    let target = this.cellAt({ row, col: column });
    if (!target && row >= 0)
      target = nearestCell(
        this.rowElement(row) ?? table.querySelector('tbody tr[data-index]'),
        column,
      );
    target ??= nearestCell(table.querySelector('thead tr'), 0);
    // A sideways scroll re-renders the rows with other columns: the focused cell is replaced by
    // its twin, which takes the focus back (a row scrolled out of view keeps it gone, as before).
    const lost = this.lastFocus;
    if (lost && !lost.cell.isConnected && lost.row === row && lost.col === col) {
      const focus = table.ownerDocument.activeElement;
      this.lastFocus = undefined;
      if (target === this.cellAt({ row, col }) && (!focus || focus === table.ownerDocument.body))
        target?.focus({ preventScroll: true });
    }
    if (target === this.tabStop && target?.tabIndex === 0) return;
    if (this.tabStop && this.tabStop !== target) this.tabStop.tabIndex = -1;
    if (target) target.tabIndex = 0;
    this.tabStop = target;
  }
}

function sameWindow(a: ColumnWindow, b: ColumnWindow): boolean {
  return a.first === b.first && a.end === b.end && a.lead === b.lead && a.trail === b.trail;
}

/** The rendered cell of a row at a column index (0-based), if that column is rendered. */
function cellOf(tr: Element | null | undefined, col: number): HTMLElement | undefined {
  return tr?.querySelector<HTMLElement>(`:scope > [aria-colindex="${col + 1}"]`) ?? undefined;
}

/** The rendered cell of a row nearest to a column index: columns far away are not rendered. */
function nearestCell(tr: Element | null | undefined, col: number): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let distance = Infinity;
  for (const cell of tr?.querySelectorAll<HTMLElement>(':scope > [aria-colindex]') ?? []) {
    const d = Math.abs(Number(cell.getAttribute('aria-colindex')) - 1 - col);
    if (d < distance) [best, distance] = [cell, d];
  }
  return best;
}

/** Makes every control under `root` reachable by arrow keys only (cells hold the tab stop). */
function untab(root: Element): void {
  if (root.matches(FOCUSABLE) && root.getAttribute('tabindex') !== '-1')
    root.setAttribute('tabindex', '-1');
  for (const element of root.querySelectorAll(FOCUSABLE))
    if (element.getAttribute('tabindex') !== '-1') element.setAttribute('tabindex', '-1');
}
