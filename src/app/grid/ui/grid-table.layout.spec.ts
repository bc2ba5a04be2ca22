import { WIDGETS } from '../../../testing/widgets.spec-helper';
import {
  COUNT_SLOT,
  ROW_HEIGHT,
  type ColumnWindow,
  columnWidth,
  columnWindow,
  pinnedRun,
} from './grid-table.layout';
import { defined } from '../../../testing/defined';

describe('grid table layout', () => {
  const column = (key: string) =>
    defined(
      WIDGETS.columns.find((c) => c.key === key),
      `column ${key}`,
    );

  it('pins the leading run of the definition’s pinned columns, in the user’s order', () => {
    expect([...pinnedRun(['id', 'state', 'name'], ['id', 'state'])]).toEqual(['id', 'state']);
    expect([...pinnedRun(['state', 'id', 'name'], ['id', 'state'])]).toEqual(['state', 'id']);
    // A pinned column after an unpinned one scrolls: it must not hide the columns before it.
    expect([...pinnedRun(['name', 'id', 'state'], ['id', 'state'])]).toEqual([]);
    expect([...pinnedRun(['id', 'name', 'state'], ['id', 'state'])]).toEqual(['id']);
    expect([...pinnedRun(['id'], undefined)]).toEqual([]);
  });

  it('gives a column one width, whatever its cells hold, and room for a long header', () => {
    const id = column('id');
    expect(columnWidth(id, 'Id', 0)).toBe(columnWidth(id, 'Id', 5));
    expect(columnWidth(column('name'), 'A very long header name for a string column', 0)).toBe(320);
    expect(columnWidth(column('name'), 'Name', 0)).toBe(200);
  });

  it('sizes a counts column by the number of groups, one legend slot each', () => {
    const counts = { ...column('id'), kind: 'counts' as const };
    expect(columnWidth(counts, 'Tasks', 5) - columnWidth(counts, 'Tasks', 4)).toBe(COUNT_SLOT);
  });

  it('fits at least 25 compact rows in 1,000 px', () => {
    expect(1000 / ROW_HEIGHT.compact).toBeGreaterThanOrEqual(25);
    expect(ROW_HEIGHT.comfortable).toBeGreaterThan(ROW_HEIGHT.compact);
  });

  describe('the columns a row renders', () => {
    // Ten scrolling columns of 200 px after 400 px of pinned ones, seen 1,000 px wide.
    const widths = Array.from({ length: 10 }, () => 200);
    const window = (x: number, view = 1000, overscan = 0) =>
      columnWindow(widths, x, view, 400, overscan);
    const shownWidth = (w: ColumnWindow) => (w.end - w.first) * 200;

    it('renders every column while the view has no width (not measured, or no layout)', () => {
      expect(window(0, 0)).toEqual({ first: 0, end: 10, lead: 0, trail: 0 });
    });

    it('renders the columns in view, and spacers keep the table its full width', () => {
      // At the left edge the view shows 600 px right of the pinned columns: three columns.
      expect(window(0)).toEqual({ first: 0, end: 3, lead: 0, trail: 1400 });
      // 500 px along: columns 2.5 to 5.5 are in view, so 2 to 5.
      expect(window(500)).toEqual({ first: 2, end: 6, lead: 400, trail: 800 });
      for (const x of [0, 130, 500, 999, 1400, 2000]) {
        const w = window(x, 1000, 320);
        expect(w.lead + shownWidth(w) + w.trail).toBe(2000);
      }
    });

    it('draws the overscan beyond each side, so the next column is already there', () => {
      expect(window(500, 1000, 320)).toEqual({ first: 0, end: 8, lead: 0, trail: 400 });
    });

    it('scrolled to the end, renders the last columns and no trailing spacer', () => {
      const end = window(1400);
      expect(end.end).toBe(10);
      expect(end.trail).toBe(0);
      expect(end.first).toBe(7);
    });
  });
});
