import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { GridCountsStore } from '../state/counts.store';
import { MAX_WAIT_MS, RowVisibility, SETTLE_MS } from './in-view.directive';

/** An IntersectionObserver the test drives: `report` says which rows entered or left the view. */
class FakeObserver {
  static last: FakeObserver | undefined;
  constructor(readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
  }
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  report(changes: [Element, boolean][]): void {
    this.callback(
      changes.map(
        ([target, isIntersecting]) => ({ target, isIntersecting }) as IntersectionObserverEntry,
      ),
    );
  }
}

const inFlight = () => document.documentElement.getAttribute('data-calls-in-flight');

function setup() {
  const visible = new Set<string>();
  const reportedVisible: string[] = [];
  const counts = {
    setVisible: (id: string, shown: boolean) => {
      if (shown) reportedVisible.push(id);
      if (shown) visible.add(id);
      else visible.delete(id);
    },
  };
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      RowVisibility,
      { provide: GridCountsStore, useValue: counts },
    ],
  });
  const visibility = TestBed.inject(RowVisibility);
  /** One row element per id, watched by the visibility service as the table's rows are. */
  const elements = new Map<string, Element>();
  const row = (id: string) => {
    let element = elements.get(id);
    if (!element) {
      element = document.createElement('tr');
      elements.set(id, element);
      visibility.watch(element, id);
    }
    return element;
  };
  /** The observer reports entries (its arguments are evaluated first: rows are watched first). */
  const report = (changes: [Element, boolean][]) => {
    if (!FakeObserver.last) throw new Error('no observer was made');
    FakeObserver.last.report(changes);
  };
  return { visible, reportedVisible, row, report };
}

beforeEach(() => {
  jest.useFakeTimers();
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
});
afterEach(() => {
  jest.useRealTimers();
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  FakeObserver.last = undefined;
});

describe('rows in view, for the per-row counts', () => {
  it('reports the rows in view once the scroll has settled', () => {
    const { visible, row, report } = setup();
    const [a, b] = [row('a'), row('b')];
    report([
      [a, true],
      [b, true],
    ]);
    expect(visible.size).toBe(0);
    jest.advanceTimersByTime(SETTLE_MS);
    expect([...visible]).toEqual(['a', 'b']);
  });

  it('never reports rows scrolled past before the scroll settled', () => {
    const { reportedVisible, row, report } = setup();
    report([[row('a'), true]]);
    jest.advanceTimersByTime(SETTLE_MS / 2);
    report([
      [row('a'), false],
      [row('b'), true],
    ]);
    jest.advanceTimersByTime(SETTLE_MS);
    expect(reportedVisible).toEqual(['b']);
  });

  it('still reports the rows in view now and then while a slow scroll goes on', () => {
    const { reportedVisible, row, report } = setup();
    // A row enters every half settle: the scroll never settles.
    for (let i = 0; i * (SETTLE_MS / 2) < MAX_WAIT_MS; i++) {
      report([[row(`r${i}`), true]]);
      jest.advanceTimersByTime(SETTLE_MS / 2);
    }
    expect(reportedVisible.length).toBeGreaterThan(0);
  });

  it('holds the idle signal until the rows in view are reported', () => {
    const { row, report } = setup();
    const base = Number(inFlight() ?? 0);
    report([[row('a'), true]]);
    expect(Number(inFlight())).toBe(base + 1);
    jest.advanceTimersByTime(SETTLE_MS);
    expect(Number(inFlight())).toBe(base);
  });
});
