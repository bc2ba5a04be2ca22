/**
 * Helpers for the columnar stores: typed arrays that grow by doubling. Columnar storage keeps
 * 5 million tasks in a few hundred MB and makes scans cache-friendly; a row is just an index.
 */
type Typed = Int32Array | Uint8Array | Int16Array | Float64Array;

/**
 * A copy of `column` with room for `capacity` values, the new ones 0. Nothing writes the new
 * part: a large typed array comes zeroed from the system (calloc) and its untouched pages take
 * no memory, so room reserved ahead costs nothing until rows are written (stores write a row's
 * defaults when they allocate it).
 */
export function grown<T extends Typed>(column: T, capacity: number): T {
  const Ctor = column.constructor as new (n: number) => T;
  const next = new Ctor(capacity);
  next.set(column);
  return next;
}

/**
 * The capacity a full store grows to: doubling while small, then by a quarter, so growing past
 * 5 million tasks does not allocate (and briefly hold twice) hundreds of MB at once.
 */
export function nextCapacity(count: number): number {
  return count < 1 << 20 ? Math.max(1024, count * 2) : Math.ceil(count * 1.25);
}

/** A growable list of row indices (a session's tasks or results). */
export class IntList {
  private items: Int32Array;
  length = 0;

  constructor(capacity = 8) {
    this.items = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.items.length) this.items = grown(this.items, this.items.length * 2);
    this.items[this.length++] = value;
  }

  at(i: number): number {
    return this.items[i]!;
  }

  /** A view of the live part; valid until the next push. */
  view(): Int32Array {
    return this.items.subarray(0, this.length);
  }

  /** Drops the rows the predicate rejects (e.g. removed rows), keeping order. */
  retain(keep: (value: number) => boolean): void {
    let w = 0;
    for (let r = 0; r < this.length; r++) {
      const v = this.items[r]!;
      if (keep(v)) this.items[w++] = v;
    }
    this.length = w;
  }
}
