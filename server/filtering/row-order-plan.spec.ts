import { FilterStatusOperator } from '../../proto/gen/armonik/api/grpc/v1/filters_common_pb';
import { SortDirection } from '../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import { Random } from '../store/random';
import { type FiltersMessage, compileFilter } from './compile-filter';
import { compileSort } from './compile-sort';
import { type FieldRefMessage, FieldTable } from './field-spec';
import { selectPage } from './select-page';

/**
 * The row-order plan (a sort key that never decreases with the row index, e.g. sessions by
 * CREATED_AT) must give exactly the pages of the generic plan, while reading the key of only the
 * rows it keeps. Both plans run on the same data: one table declares the order, the other not.
 */
const N = 5000;
const rng = new Random(11);
// Non-decreasing creation times with many ties, statuses 1–3, ids in a scrambled order.
const created: number[] = [];
for (let i = 0, t = 1_000; i < N; i++) created.push((t += rng.chance(0.8) ? 0 : rng.int(1, 5)));
const status = Array.from({ length: N }, () => rng.int(1, 3));
const id = Array.from({ length: N }, (_, i) => (i * 7_919) % 10_007);
const removed = new Set([3, 17, 4_998]);
const isLive = (row: number) => !removed.has(row);

/** Rows whose sort key was read (the sort of the kept rows reads theirs several times). */
const keyRead = new Set<number>();
const tableOf = (ordered: boolean) =>
  new FieldTable({
    resource: 'thing',
    idKey: (row) => id[row]!,
    enums: {
      thingField: {
        names: { 1: 'CREATED', 2: 'STATUS' },
        columns: {
          1: {
            label: 'CREATED',
            kind: 'date',
            get: (row) => {
              keyRead.add(row);
              return created[row]!;
            },
            ...(ordered ? { inRowOrder: () => true } : {}),
          },
          2: { label: 'STATUS', kind: 'status', get: (row) => status[row]! },
        },
      },
    },
  });
const ORDERED = tableOf(true);
const GENERIC = tableOf(false);
const CREATED: FieldRefMessage = { field: { case: 'thingField', value: { field: 1 } } };
const STATUS: FieldRefMessage = { field: { case: 'thingField', value: { field: 2 } } };
const statusIs = (value: number): FiltersMessage => ({
  or: [
    {
      and: [
        {
          field: STATUS,
          valueCondition: {
            case: 'filterStatus',
            value: { value, operator: FilterStatusOperator.EQUAL },
          },
        },
      ],
    },
  ],
});

async function page(
  table: FieldTable,
  direction: SortDirection,
  p: number,
  size: number,
  filters?: FiltersMessage,
) {
  keyRead.clear();
  const result = await selectPage(
    { kind: 'all', count: N },
    isLive,
    compileFilter(table, filters),
    compileSort(table, [CREATED], direction),
    p,
    size,
  );
  return { ...result, keyReads: keyRead.size };
}

describe('row-order plan for a sort key that follows row order', () => {
  it.each([
    [SortDirection.DESC, 0, 100, undefined],
    [SortDirection.ASC, 0, 100, undefined],
    [SortDirection.DESC, 3, 37, statusIs(2)],
    [SortDirection.ASC, 7, 50, statusIs(3)],
    [SortDirection.DESC, 0, 1, statusIs(1)],
    [SortDirection.DESC, 0, 0, statusIs(1)],
    [SortDirection.ASC, 500, 100, statusIs(1)],
  ] as const)(
    'direction %s, page %s of %s rows: same rows and total as the generic plan',
    async (direction, p, size, filters) => {
      const fast = await page(ORDERED, direction, p, size, filters);
      const slow = await page(GENERIC, direction, p, size, filters);
      expect(fast.rows).toEqual(slow.rows);
      expect(fast.total).toBe(slow.total);
    },
  );

  it('reads the sort key of the page and its ties only, not of every matching row', async () => {
    const fast = await page(ORDERED, SortDirection.DESC, 0, 100, statusIs(2));
    const slow = await page(GENERIC, SortDirection.DESC, 0, 100, statusIs(2));
    expect(fast.total).toBeGreaterThan(1_000);
    // The generic plan reads every match's key; the walk, its page plus one tie group and the
    // first row past it.
    expect(slow.keyReads).toBeGreaterThanOrEqual(fast.total);
    expect(fast.keyReads).toBeLessThan(150);
  });

  it('falls back to the generic plan for the rows of an index (no row-order walk there)', async () => {
    const rows = Int32Array.from([4_000, 10, 2_500, 999]);
    const sort = compileSort(ORDERED, [CREATED], SortDirection.DESC);
    const result = await selectPage(
      { kind: 'rows', rows },
      isLive,
      compileFilter(ORDERED, undefined),
      sort,
      0,
      3,
    );
    expect(result).toEqual({ rows: [4_000, 2_500, 999], total: 4 });
  });
});
