/** Int32 value standing for "unset" (NaN) in the narrow form. */
const UNSET = -0x80000000;
const MAX_OFFSET = 0x7fffffff;
const DAY = 86_400_000;

/**
 * The base that puts the seeded past (30 days back) and about 18 days ahead of `now` inside
 * the narrow form's ±24.8 days.
 */
export function timeBase(now: number): number {
  return Math.round(now) - 6 * DAY;
}

/**
 * A column of numbers (NaN = unset) in 4 bytes a row instead of 8, for values that are whole
 * and near a base: timestamps (epoch ms, base from timeBase: exact within ±24.8 days of it) and
 * byte sizes (base 0). Values are stored as Int32 offsets from the base; one that does not fit
 * (fractional, or out of range after weeks of uptime) widens the column to Float64 once, for
 * good, so a read always returns exactly what was written.
 *
 * Why: nine task timestamps × 5 million tasks were 360 MB as Float64 (bench section 5).
 *
 * Zero bytes read as the fill (the narrow form stores offsets XOR a mask that makes 0 mean
 * "unset" when the fill is NaN), so rows reserved ahead and never written cost no memory: the
 * zeroed pages of a large typed array stay untouched (typed-array-growth.ts).
 */
export class CompactColumn {
  private data: Int32Array | Float64Array = new Int32Array(0);
  private narrow = true;
  /** Stored = offset ^ mask: UNSET for a NaN fill (0 stored = unset), 0 for a fill equal to base. */
  private readonly mask: number;

  /** `fill`: what rows read before they are written: NaN, or the base itself (0 for sizes). */
  constructor(
    private readonly base: number,
    private readonly fill = NaN,
  ) {
    if (!Number.isNaN(fill) && fill !== base) throw new Error('the fill must be NaN or the base');
    this.mask = Number.isNaN(fill) ? UNSET : 0;
  }

  get capacity(): number {
    return this.data.length;
  }

  /** Whether the column still stores 4-byte offsets. */
  get isNarrow(): boolean {
    return this.narrow;
  }

  get(row: number): number {
    const v = this.data[row];
    if (v === undefined) return NaN;
    if (!this.narrow) return v;
    const offset = v ^ this.mask;
    return offset === UNSET ? NaN : this.base + offset;
  }

  set(row: number, ms: number): void {
    if (this.narrow) {
      if (Number.isNaN(ms)) {
        this.data[row] = UNSET ^ this.mask;
        return;
      }
      const offset = ms - this.base;
      if (Number.isInteger(offset) && offset > UNSET && offset <= MAX_OFFSET) {
        this.data[row] = offset ^ this.mask;
        return;
      }
      this.widen();
    }
    this.data[row] = ms;
  }

  /** Grows to `capacity` rows (new rows read the fill; narrow ones are not even written). */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const length = this.data.length;
    const next = this.narrow ? new Int32Array(capacity) : new Float64Array(capacity);
    next.set(this.data);
    this.data = next;
    if (!this.narrow && this.fill !== 0) next.fill(this.fill, length);
  }

  private widen(): void {
    const wide = new Float64Array(this.data.length);
    for (let row = 0; row < wide.length; row++) wide[row] = this.get(row);
    this.data = wide;
    this.narrow = false;
  }
}
