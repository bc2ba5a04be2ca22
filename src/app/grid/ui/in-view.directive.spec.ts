import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { GridCountsStore } from '../state/counts.store';
import { RowVisibility } from './in-view.directive';

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
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
});
afterEach(() => {
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  FakeObserver.last = undefined;
});

describe('rows in view, for the per-row counts', () => {
  it('reports the rows the observer sees in view, and forgets those that leave', () => {
    const { visible, row, report } = setup();
    const [a, b] = [row('a'), row('b')];
    report([
      [a, true],
      [b, true],
    ]);
    expect([...visible]).toEqual(['a', 'b']);
    report([[a, false]]);
    expect([...visible]).toEqual(['b']);
  });

  it('reports a row element recycled for another row as that row', () => {
    const { visible, row, report } = setup();
    const element = row('a');
    report([[element, true]]);
    const visibility = TestBed.inject(RowVisibility);
    visibility.watch(element, 'b');
    report([[element, true]]);
    expect([...visible]).toEqual(['b']);
  });

  it('holds the idle signal from a row being watched until the observer has reported it', () => {
    const { row, report } = setup();
    const base = Number(inFlight() ?? 0);
    const a = row('a');
    expect(Number(inFlight())).toBe(base + 1);
    report([[a, true]]);
    expect(Number(inFlight())).toBe(base);
  });
});
