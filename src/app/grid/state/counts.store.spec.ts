import { BehaviorSubject, Observable, Subject } from 'rxjs';

import type { CountsEntry, StatusCountLike } from '../model/counts';
import { type Widget, widget } from '../../../testing/widgets.spec-helper';
import { defined } from '../../../testing/defined';
import {
  COUNTS_SETTLE_MS,
  type CountsResult,
  FIRST_ROWS_MS,
  countsDelay,
  countsRequests,
  errorCount,
  keptEntries,
} from './counts.store';

/** A fake count call per row that the test completes by hand, tracking what is in flight. */
function fakeFetch() {
  const inFlight = new Map<string, Subject<readonly StatusCountLike[]>>();
  let calls = 0;
  let maxInFlight = 0;
  const cancelled: string[] = [];
  const fetch = (row: Widget) =>
    new Observable<readonly StatusCountLike[]>((subscriber) => {
      calls++;
      const subject = new Subject<readonly StatusCountLike[]>();
      inFlight.set(row.id, subject);
      maxInFlight = Math.max(maxInFlight, inFlight.size);
      const sub = subject.subscribe(subscriber);
      return () => {
        if (inFlight.get(row.id) === subject && !subject.closed) cancelled.push(row.id);
        inFlight.delete(row.id);
        sub.unsubscribe();
      };
    });
  const answer = (id: string, counts: StatusCountLike[] = [{ status: 4, count: 1 }]) => {
    const subject = inFlight.get(id);
    if (!subject) throw new Error(`${id} not in flight`);
    inFlight.delete(id);
    subject.next(counts);
    subject.complete();
  };
  return {
    fetch,
    answer,
    inFlight,
    cancelled,
    get calls() {
      return calls;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

function setup(rows: Widget[], visible: ReadonlySet<string> | 'all' = 'all') {
  const pages = new BehaviorSubject({ rows: rows, generation: 1 });
  const visible$ = new BehaviorSubject<ReadonlySet<string> | 'all'>(visible);
  const entries = new Map<string, CountsEntry>();
  const fake = fakeFetch();
  const results: CountsResult<Widget>[] = [];
  // The idle signal's hold: how many holds are taken and not yet released.
  const idle = { held: 0, taken: 0 };
  const hold = () => {
    idle.held++;
    idle.taken++;
    let released = false;
    return () => {
      if (!released) idle.held--;
      released = true;
    };
  };
  const subscription = countsRequests<Widget>({
    pages$: pages,
    visible$,
    rowId: (w) => w.id,
    changeKey: (w) => String(w.state),
    entry: (id) => entries.get(id),
    fetch: fake.fetch,
    concurrency: 6,
    hold,
  }).subscribe((result) => {
    results.push(result);
    if ('counts' in result)
      entries.set(result.id, {
        counts: result.counts,
        key: String(result.row.state),
        generation: result.generation,
        // In this test, state 3 ("gone") is the ended state whose counts are final.
        settled: result.row.state === 3,
      });
  });
  return { pages, visible$, entries, fake, results, subscription, idle };
}

const rows = (n: number, state = 1) => Array.from({ length: n }, (_, i) => widget(`w${i}`, state));

describe('per-row counts scheduling', () => {
  it('keeps at most 6 calls in flight and makes exactly one per row', () => {
    const { fake, results } = setup(rows(20));
    expect(fake.inFlight.size).toBe(6);
    for (let i = 0; i < 20; i++)
      fake.answer(defined([...fake.inFlight.keys()][0], 'a call in flight'));
    expect(fake.calls).toBe(20);
    expect(fake.maxInFlight).toBe(6);
    expect(results).toHaveLength(20);
  });

  it('fetches only rows on screen, and rows scrolled into view once', () => {
    const { fake, visible$ } = setup(rows(10), new Set(['w0', 'w1']));
    expect([...fake.inFlight.keys()]).toEqual(['w0', 'w1']);
    fake.answer('w0');
    fake.answer('w1');
    visible$.next(new Set(['w1', 'w2', 'w3']));
    expect([...fake.inFlight.keys()]).toEqual(['w2', 'w3']);
    fake.answer('w2');
    fake.answer('w3');
    visible$.next(new Set(['w0', 'w1', 'w2', 'w3']));
    expect(fake.calls).toBe(4);
  });

  it('on a refresh, refetches rows that can still change and never settled unchanged ones', () => {
    const list = [...rows(3, 1), ...rows(3, 3).map((w, i) => ({ ...w, id: `done${i}` }))];
    const { fake, pages } = setup(list);
    for (const id of [...fake.inFlight.keys()]) fake.answer(id);
    expect(fake.calls).toBe(6);

    pages.next({ rows: list, generation: 2 });
    expect([...fake.inFlight.keys()].sort()).toEqual(['w0', 'w1', 'w2']);
    for (const id of [...fake.inFlight.keys()]) fake.answer(id);
    expect(fake.calls).toBe(9);
  });

  it('refetches a settled row whose change key moved (e.g. purged after cancel)', () => {
    const list = rows(2, 3);
    const { fake, pages } = setup(list);
    for (const id of [...fake.inFlight.keys()]) fake.answer(id);
    pages.next({ rows: list.map((w, i) => (i === 0 ? { ...w, state: 2 } : w)), generation: 2 });
    expect([...fake.inFlight.keys()]).toEqual(['w0']);
  });

  it('a newer refresh cancels counts still pending or in flight', () => {
    const { fake, pages } = setup(rows(10));
    expect(fake.inFlight.size).toBe(6);
    pages.next({ rows: rows(10), generation: 2 });
    expect(fake.cancelled.sort()).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
    expect(fake.inFlight.size).toBe(6);
  });

  it('a failed count is reported and does not stop the others', () => {
    const { fake, results } = setup(rows(2));
    const first = defined(fake.inFlight.get('w0'), 'the call for w0');
    fake.inFlight.delete('w0');
    first.error(new Error('boom'));
    fake.answer('w1');
    expect(results.map((r) => ('error' in r ? `${r.id}:error` : r.id))).toEqual(['w0:error', 'w1']);
  });
});

describe('per-row counts and the idle signal', () => {
  const answerAll = (fake: ReturnType<typeof fakeFetch>) => {
    for (const id of [...fake.inFlight.keys()]) fake.answer(id);
  };

  it('holds it while calls wait for a free slot, not only while six are in flight', () => {
    const { fake, idle } = setup(rows(20));
    expect(idle.held).toBe(1);
    answerAll(fake); // 6 answered, the next 6 start
    answerAll(fake);
    answerAll(fake);
    expect(fake.inFlight.size).toBe(2);
    expect(idle.held).toBe(1);
    answerAll(fake);
    expect(fake.calls).toBe(20);
    expect(idle.held).toBe(0);
  });

  it('holds it again for rows scrolled into view, and not for rows that need no call', () => {
    const { fake, idle, visible$ } = setup(rows(10), new Set(['w0']));
    answerAll(fake);
    expect(idle).toEqual({ held: 0, taken: 1 });
    visible$.next(new Set(['w0']));
    expect(idle.taken).toBe(1);
    visible$.next(new Set(['w0', 'w1']));
    expect(idle.held).toBe(1);
    fake.answer('w1');
    expect(idle.held).toBe(0);
  });

  it('lets go when a newer page replaces one with calls waiting or in flight, and when it ends', () => {
    const { fake, idle, pages, subscription } = setup(rows(10));
    pages.next({ rows: rows(10), generation: 2 });
    expect(idle).toEqual({ held: 1, taken: 2 });
    answerAll(fake);
    answerAll(fake);
    expect(idle.held).toBe(0);
    pages.next({ rows: rows(10), generation: 3 });
    expect(idle.held).toBe(1);
    subscription.unsubscribe();
    expect(idle.held).toBe(0);
  });

  it('a failed count ends its part of the hold too', () => {
    const { fake, idle } = setup(rows(1));
    defined(fake.inFlight.get('w0'), 'the call for w0').error(new Error('unavailable'));
    expect(idle.held).toBe(0);
  });
});

describe('countsDelay (when a change of the rows in view asks for counts)', () => {
  const rows = (...ids: string[]) => new Set(ids);
  it('a refresh asks for the rows already on screen at once', () => {
    expect(countsDelay(undefined, rows('a', 'b'))).toBe(0);
    expect(countsDelay(undefined, 'all')).toBe(0);
  });
  it('a page with no row reported yet waits briefly for its first rows', () => {
    expect(countsDelay(undefined, rows())).toBe(FIRST_ROWS_MS);
    expect(countsDelay(rows(), rows('a'))).toBe(FIRST_ROWS_MS);
  });
  it('rows scrolled to wait until the scroll has rested', () => {
    expect(countsDelay(rows('a'), rows('b'))).toBe(COUNTS_SETTLE_MS);
    expect(COUNTS_SETTLE_MS).toBeGreaterThan(FIRST_ROWS_MS);
  });
});

describe('errorCount (what makes a counts change worth a highlight)', () => {
  const spec = {
    statuses: {
      looks: [
        { value: 4, key: 'done', icon: 'check', tone: 'success' as const },
        { value: 5, key: 'error', icon: 'error', tone: 'danger' as const },
        { value: 6, key: 'timeout', icon: 'timer_off', tone: 'danger' as const },
      ],
      label: (key: string) => key,
    },
    defaultGroups: [],
    fetch: () => async () => [],
    settled: () => false,
    link: () => ({ commands: [] }),
  };

  it('adds up the items in error statuses only', () => {
    expect(errorCount([{ status: 4, count: 40 }], spec)).toBe(0);
    expect(
      errorCount(
        [
          { status: 4, count: 40 },
          { status: 5, count: 2 },
          { status: 6, count: 1 },
        ],
        spec,
      ),
    ).toBe(3);
  });
});

describe('keptEntries (what the counts store keeps when a page loads)', () => {
  const settled = (v: { settled: boolean }) => v.settled;
  const moving = { settled: false };
  const done = { settled: true };

  it('keeps the rows on the page and forgets moving rows that left it', () => {
    const entries = new Map([
      ['a', moving],
      ['b', moving],
      ['c', done],
    ]);
    const kept = keptEntries(entries, new Set(['a']), settled);
    expect([...kept.keys()]).toEqual(['a', 'c']);
  });

  it('keeps only the latest settled rows that left the page, up to the bound', () => {
    const entries = new Map([
      ['old', done],
      ['older', done],
      ['newest', done],
      ['here', moving],
    ]);
    const kept = keptEntries(entries, new Set(['here']), settled, 2);
    expect([...kept.keys()]).toEqual(['older', 'newest', 'here']);
  });

  it('returns the same map when nothing is dropped, so the signal does not change', () => {
    const entries = new Map([
      ['a', moving],
      ['c', done],
    ]);
    expect(keptEntries(entries, new Set(['a']), settled)).toBe(entries);
  });

  it('without a settled test (flashes), keeps the page rows only', () => {
    const flashes = new Map([
      ['a', 1],
      ['gone', 2],
    ]);
    expect([...keptEntries(flashes, new Set(['a'])).keys()]).toEqual(['a']);
  });
});
