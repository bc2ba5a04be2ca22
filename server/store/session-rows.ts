import { IntList, grown, nextCapacity } from './typed-array-growth';

/**
 * Every session's task (or result) rows, with no object per session. A session's rows are
 * allocated together (seeding, a new session's batch), so each session keeps its first run of
 * consecutive rows as two numbers in two columns; only rows added once that run is broken
 * (retries, later submissions) go to a per-session list, in a map holding just those sessions.
 *
 * Why: an IntList per session (an object, a typed array and its buffer) cost about 0.5 kB of
 * heap each, twice per session, at 100,000 sessions (bench section 5).
 */
export class SessionRows {
  /** First row of each session's run; `runEnd` is one past its last (equal: no rows). */
  private runStart = new Int32Array(0);
  private runEnd = new Int32Array(0);
  private readonly later = new Map<number, IntList>();

  /** Makes room for sessions 0 … capacity-1. */
  reserve(capacity: number): void {
    if (capacity <= this.runStart.length) return;
    this.runStart = grown(this.runStart, capacity);
    this.runEnd = grown(this.runEnd, capacity);
  }

  push(session: number, row: number): void {
    if (session >= this.runStart.length) this.reserve(nextCapacity(session + 1));
    const start = this.runStart[session]!;
    const end = this.runEnd[session]!;
    const more = this.later.get(session);
    if (start === end && !more) {
      this.runStart[session] = row;
      this.runEnd[session] = row + 1;
    } else if (row === end && !more) this.runEnd[session] = end + 1;
    else if (more) more.push(row);
    else {
      const list = new IntList();
      list.push(row);
      this.later.set(session, list);
    }
  }

  /** Rows ever added to the session (removed ones included until `clear`). */
  count(session: number): number {
    const run = (this.runEnd[session] ?? 0) - (this.runStart[session] ?? 0);
    return run + (this.later.get(session)?.length ?? 0);
  }

  /** The session's rows in the order they were added, as a new array (safe across pauses). */
  rowsOf(session: number): Int32Array {
    const start = this.runStart[session] ?? 0;
    const run = (this.runEnd[session] ?? 0) - start;
    const more = this.later.get(session);
    const out = new Int32Array(run + (more?.length ?? 0));
    for (let i = 0; i < run; i++) out[i] = start + i;
    if (more) out.set(more.view(), run);
    return out;
  }

  /** First row of the session, -1 when it has none. */
  first(session: number): number {
    return this.count(session) === 0 ? -1 : this.runStart[session]!;
  }

  /** Forgets the session's rows (DeleteSession). */
  clear(session: number): void {
    if (session >= this.runStart.length) return;
    this.runStart[session] = 0;
    this.runEnd[session] = 0;
    this.later.delete(session);
  }

  /** Sessions whose rows are not one run: what the map costs (a figure for tests and the bench). */
  get brokenRuns(): number {
    return this.later.size;
  }
}
