import { type SortKey, compareKeys } from './compile-sort';
import { type Pacer, UNPACED, pacedLoop } from './pacer';

/** Below this many rows, a plain comparator sort is cheaper than selecting. */
const SMALL = 20_000;
/** String keys are ranked (to use numeric selection) only when they have few distinct values. */
const MAX_DISTINCT_STRINGS = 200_000;

/**
 * Rows offset … offset+count-1 of `rows` in the order of `keys` (most significant first, the
 * last key unique), without sorting everything: at each level two quickselects find the key
 * values bounding the page, rows strictly inside are few (≤ count) and sorted, and only the two
 * boundary tie groups descend to the next key. Linear in the row count, so a deep page over
 * millions of rows costs about as much as one scan.
 */
export async function selectRange(
  rows: Int32Array,
  keys: readonly SortKey[],
  direction: 1 | -1,
  offset: number,
  count: number,
  pacer: Pacer = UNPACED,
): Promise<number[]> {
  const compareFrom = (level: number) => (a: number, b: number) => {
    for (let i = level; i < keys.length; i++) {
      const c = compareKeys(keys[i]!(a), keys[i]!(b));
      if (c !== 0) return direction * c;
    }
    return 0;
  };

  const select = async (
    subset: Int32Array,
    level: number,
    from: number,
    take: number,
  ): Promise<number[]> => {
    take = Math.min(take, subset.length - from);
    if (take <= 0) return [];
    if (subset.length <= SMALL || level >= keys.length) {
      return Array.from(subset)
        .sort(compareFrom(level))
        .slice(from, from + take);
    }
    const values = await numericValues(subset, keys[level]!, direction, pacer);
    if (!values)
      return Array.from(subset)
        .sort(compareFrom(level))
        .slice(from, from + take);
    const low = nth(values.slice(), from);
    const high = nth(values.slice(), from + take - 1);
    let below = 0;
    const lowRows: number[] = [];
    const middle: number[] = [];
    const highRows: number[] = [];
    await pacedLoop(0, subset.length, pacer, (i) => {
      const v = values[i]!;
      if (v < low) below++;
      else if (v === low) lowRows.push(subset[i]!);
      else if (v < high) middle.push(subset[i]!);
      else if (v === high) highRows.push(subset[i]!);
    });
    const skip = from - below;
    if (low === high) return select(Int32Array.from(lowRows), level + 1, skip, take);
    const out = await select(Int32Array.from(lowRows), level + 1, skip, take);
    for (const row of middle.sort(compareFrom(level))) out.push(row);
    for (const row of await select(Int32Array.from(highRows), level + 1, 0, take - out.length))
      out.push(row);
    return out;
  };

  return select(rows, 0, offset, count);
}

/**
 * The key of each row as a number whose ascending order is the requested order (DESC is
 * negated; unset NaN sorts first ascending). Strings are replaced by their rank; undefined when
 * there are too many distinct strings for that to pay off.
 */
async function numericValues(
  rows: Int32Array,
  key: SortKey,
  direction: 1 | -1,
  pacer: Pacer,
): Promise<Float64Array | undefined> {
  const out = new Float64Array(rows.length);
  let strings: string[] | undefined;
  await pacedLoop(0, rows.length, pacer, (i) => {
    const k = key(rows[i]!);
    if (typeof k === 'number') {
      out[i] = direction * (Number.isNaN(k) ? -Infinity : k);
      return;
    }
    strings ??= new Array<string>(rows.length);
    strings[i] = k;
  });
  if (!strings) return out;
  const distinct = [...new Set(strings.filter((s) => s !== undefined))];
  if (distinct.length > MAX_DISTINCT_STRINGS) return undefined;
  distinct.sort(compareKeys);
  const ranks = new Map(distinct.map((s, i) => [s, i]));
  for (let i = 0; i < rows.length; i++) out[i] = direction * ranks.get(strings[i]!)!;
  return out;
}

/** The k-th smallest value (0-based), by in-place quickselect (Hoare partition). */
export function nth(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >>> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k]!;
  }
  return values[k]!;
}
