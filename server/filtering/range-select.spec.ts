import { Random } from '../store/random';
import { compareKeys } from './compile-sort';
import { nth, selectRange } from './range-select';
import { topRows } from './select-page';

describe('selectRange (deep pages without a full sort)', () => {
  it('returns exactly the slice a full sort would, for numeric, string and unset keys, both directions', async () => {
    const rng = new Random(11);
    for (let trial = 0; trial < 8; trial++) {
      const n = rng.int(1, 40_000);
      const a = Array.from({ length: n }, () =>
        rng.chance(0.1) ? NaN : rng.int(0, trial % 2 ? 3 : 500),
      );
      const b = Array.from({ length: n }, () => rng.pick(['x', 'y', 'zz', '']));
      const id = Array.from({ length: n }, (_, i) => (i * 7919) % 1_000_003);
      const keys = [(r: number) => a[r]!, (r: number) => b[r]!, (r: number) => id[r]!];
      for (const dir of [1, -1] as const) {
        const rows = Int32Array.from({ length: n }, (_, i) => i);
        const full = Array.from(rows).sort((x, y) => {
          for (const k of keys) {
            const c = compareKeys(k(x), k(y));
            if (c) return dir * c;
          }
          return 0;
        });
        const offset = rng.int(0, n);
        const count = rng.int(1, 300);
        expect(await selectRange(rows, keys, dir, offset, count)).toEqual(
          full.slice(offset, offset + count),
        );
      }
    }
  });
  it('nth finds order statistics', () => {
    const values = Float64Array.from([5, -Infinity, 3, 3, 9, 1]);
    expect([0, 1, 2, 3, 4, 5].map((k) => nth(values.slice(), k))).toEqual([
      -Infinity,
      1,
      3,
      3,
      5,
      9,
    ]);
  });

  it('agrees with the bounded heap used for first pages', async () => {
    const rng = new Random(5);
    const n = 5000;
    const a = Array.from({ length: n }, () => (rng.chance(0.2) ? NaN : rng.int(0, 20)));
    const id = Array.from({ length: n }, (_, i) => (i * 104_729) % 1_000_003);
    const keys = [(r: number) => a[r]!, (r: number) => id[r]!];
    for (const direction of [1, -1] as const) {
      const compare = (x: number, y: number) =>
        direction * (compareKeys(a[x]!, a[y]!) || compareKeys(id[x]!, id[y]!));
      const rows = Int32Array.from({ length: n }, (_, i) => i);
      const plan = { keys: [keys[0]!], idKey: keys[1]!, direction, compare };
      const want = Array.from(rows).sort(compare).slice(0, 137);
      const top = topRows(137, plan);
      for (const row of rows) top.offer(row);
      expect(top.sorted()).toEqual(want);
      expect(await selectRange(rows, keys, direction, 0, 137)).toEqual(want);
    }
  });
});
