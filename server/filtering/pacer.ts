/**
 * How a long scan shares the one event loop: it calls `due()` every block of rows and, when its
 * slice is used up, awaits `pause()`, which lets other requests run and throws if its call was
 * cancelled or its deadline passed (services/work-scheduler.ts implements it).
 */
export interface Pacer {
  due(): boolean;
  pause(): Promise<void>;
}

/** Rows handled between two `due()` checks: small enough to stay well under a slice. */
export const BLOCK = 4096;

/** Runs to completion without pausing (unit tests, tiny tables). */
export const UNPACED: Pacer = {
  due: () => false,
  pause: () => Promise.resolve(),
};

/**
 * `visit(i)` for i in [from, to), pausing between blocks when the pacer says so; a visit that
 * returns `false` ends the loop (a walk that has what it needs).
 */
export async function pacedLoop(
  from: number,
  to: number,
  pacer: Pacer,
  visit: (i: number) => void | boolean,
  block = BLOCK,
): Promise<void> {
  for (let start = from; start < to; start += block) {
    const end = Math.min(start + block, to);
    for (let i = start; i < end; i++) if (visit(i) === false) return;
    if (end < to && pacer.due()) await pacer.pause();
  }
}

/** `rows.map(fn)` in paced blocks of 256 (a page of 10,000 rows converted to messages). */
export async function pacedMap<T, U>(
  rows: readonly T[],
  pacer: Pacer,
  fn: (row: T) => U,
): Promise<U[]> {
  const out = new Array<U>(rows.length);
  await pacedLoop(
    0,
    rows.length,
    pacer,
    (i) => {
      out[i] = fn(rows[i]!);
    },
    256,
  );
  return out;
}
