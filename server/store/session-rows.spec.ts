import { Random } from './random';
import { SessionRows } from './session-rows';

describe('SessionRows', () => {
  it('gives back each session its rows in the order they were added, as plain lists would', () => {
    const rng = new Random(5, 1);
    const rows = new SessionRows();
    const lists: number[][] = Array.from({ length: 50 }, () => []);
    let next = 0;
    // Batches of consecutive rows per session (as seeding writes them), then scattered rows.
    for (let s = 0; s < 50; s++)
      for (let k = rng.int(0, 30); k > 0; k--) {
        rows.push(s, next);
        lists[s]!.push(next++);
      }
    for (let k = 0; k < 400; k++) {
      const s = rng.int(0, 49);
      rows.push(s, next);
      lists[s]!.push(next++);
    }
    lists.forEach((list, s) => {
      expect(Array.from(rows.rowsOf(s))).toEqual(list);
      expect(rows.count(s)).toBe(list.length);
      expect(rows.first(s)).toBe(list[0] ?? -1);
    });
  });

  it('keeps a session whose rows are consecutive as one run, with no list of its own', () => {
    const rows = new SessionRows();
    for (let r = 0; r < 1000; r++) rows.push(r < 600 ? 0 : 1, r);
    expect(rows.brokenRuns).toBe(0);
    rows.push(0, 1000); // row 1000 follows session 1's run, not session 0's
    expect(rows.brokenRuns).toBe(1);
    expect(rows.count(0)).toBe(601);
    expect(rows.rowsOf(0)[600]).toBe(1000);
  });

  it('forgets a cleared session, which may then start again', () => {
    const rows = new SessionRows();
    rows.push(3, 10);
    rows.push(3, 20);
    rows.clear(3);
    expect(rows.count(3)).toBe(0);
    expect(rows.first(3)).toBe(-1);
    expect(rows.brokenRuns).toBe(0);
    rows.push(3, 30);
    expect(Array.from(rows.rowsOf(3))).toEqual([30]);
    expect(Array.from(rows.rowsOf(99))).toEqual([]);
  });

  it('a returned list does not change when rows are added later', () => {
    const rows = new SessionRows();
    rows.push(0, 0);
    const before = rows.rowsOf(0);
    rows.push(0, 1);
    expect(Array.from(before)).toEqual([0]);
  });
});
