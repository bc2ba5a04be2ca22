import { CompactColumn, timeBase } from './compact-column';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 12);

describe('CompactColumn: numbers in 4 bytes a row, read back exactly', () => {
  it('keeps whole milliseconds from the seeded past (30 days back) to weeks ahead narrow', () => {
    const column = new CompactColumn(timeBase(NOW));
    column.reserve(4);
    const values = [NOW - 30 * DAY - 120_000, NOW, NOW + 17 * DAY + 1, NaN];
    values.forEach((v, row) => column.set(row, v));
    expect(values.map((_, row) => column.get(row))).toEqual(values);
    expect(column.isNarrow).toBe(true);
  });

  it('reads rows never written, and rows added by growing, as unset', () => {
    const column = new CompactColumn(timeBase(NOW));
    column.reserve(2);
    column.set(0, NOW);
    column.reserve(5);
    expect([0, 1, 4].map((row) => column.get(row))).toEqual([NOW, NaN, NaN]);
    expect(column.capacity).toBe(5);
  });

  it('keeps byte sizes up to 2 GiB narrow with base 0, unwritten rows reading the fill', () => {
    const column = new CompactColumn(0, 0);
    column.reserve(3);
    column.set(1, 2 ** 31 - 1);
    expect([0, 1, 2].map((row) => column.get(row))).toEqual([0, 2 ** 31 - 1, 0]);
    expect(column.isNarrow).toBe(true);
    column.set(0, 2 ** 40);
    column.reserve(4);
    expect([0, 1, 3].map((row) => column.get(row))).toEqual([2 ** 40, 2 ** 31 - 1, 0]);
  });

  it.each([
    ['a fractional millisecond', NOW + 0.5],
    ['a date 60 days ahead', NOW + 60 * DAY],
    ['a date 60 days back', NOW - 60 * DAY],
  ])('widens once for %s, keeping every value already stored', (_, odd) => {
    const column = new CompactColumn(timeBase(NOW));
    column.reserve(3);
    column.set(0, NOW - DAY);
    column.set(1, NaN);
    column.set(2, odd);
    expect(column.isNarrow).toBe(false);
    expect([0, 1, 2].map((row) => column.get(row))).toEqual([NOW - DAY, NaN, odd]);
    column.reserve(6);
    column.set(5, NOW);
    expect([3, 5].map((row) => column.get(row))).toEqual([NaN, NOW]);
  });
});
