import { WIDGETS } from '../../../testing/widgets.spec-helper';
import { COUNT_SLOT, ROW_HEIGHT, columnWidth, pinnedRun } from './grid-table.layout';
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
});
