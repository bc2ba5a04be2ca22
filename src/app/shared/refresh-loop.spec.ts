import { BehaviorSubject, type Subscription } from 'rxjs';

import { refreshDue } from './refresh-loop';

/** A document whose visibility the test sets, firing `visibilitychange` like a browser. */
function fakeDocument() {
  const target = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  target.visibilityState = 'visible';
  return {
    document: target as unknown as Document,
    hide: () => {
      target.visibilityState = 'hidden';
      target.dispatchEvent(new Event('visibilitychange'));
    },
    show: () => {
      target.visibilityState = 'visible';
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('refreshDue (the one auto-refresh)', () => {
  let subscription: Subscription | undefined;
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    subscription?.unsubscribe();
    jest.useRealTimers();
  });

  function loop(periodMs: number) {
    const page = fakeDocument();
    const period = new BehaviorSubject(periodMs);
    const state = { settledAt: Date.now(), busy: false, reads: 0 };
    subscription = refreshDue({
      period,
      settledAt: () => state.settledAt,
      busy: () => state.busy,
      document: page.document,
    }).subscribe(() => {
      state.reads += 1;
      state.settledAt = Date.now();
    });
    return { page, period, state };
  }

  it('reads once the data is a period old, then again a period later', () => {
    const { state } = loop(5_000);
    jest.advanceTimersByTime(4_000);
    expect(state.reads).toBe(0);
    jest.advanceTimersByTime(1_000);
    expect(state.reads).toBe(1);
    jest.advanceTimersByTime(5_000);
    expect(state.reads).toBe(2);
  });

  it('never reads while the tab is hidden, and catches up at once when it is shown again', () => {
    const { page, state } = loop(5_000);
    page.hide();
    jest.advanceTimersByTime(60_000);
    expect(state.reads).toBe(0);
    page.show();
    jest.advanceTimersByTime(1_000);
    expect(state.reads).toBe(1);
  });

  it('never asks again while a read is running', () => {
    const { state } = loop(2_000);
    state.busy = true;
    jest.advanceTimersByTime(10_000);
    expect(state.reads).toBe(0);
    state.busy = false;
    jest.advanceTimersByTime(1_000);
    expect(state.reads).toBe(1);
  });

  it('a period of 0 turns it off; choosing a period turns it on', () => {
    const { period, state } = loop(0);
    jest.advanceTimersByTime(60_000);
    expect(state.reads).toBe(0);
    period.next(15_000);
    jest.advanceTimersByTime(1_000);
    // The data is already a minute old.
    expect(state.reads).toBe(1);
  });
});
