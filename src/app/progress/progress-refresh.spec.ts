import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, type Subscription, timer } from 'rxjs';
import { map } from 'rxjs/operators';

import { refreshLoop } from './progress-refresh';

/** A document whose visibility the test sets. */
function fakeDocument() {
  const target = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  target.visibilityState = 'visible';
  return {
    document: target,
    hide(hidden: boolean) {
      target.visibilityState = hidden ? 'hidden' : 'visible';
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('refreshLoop', () => {
  let subscription: Subscription | undefined;
  beforeEach(() => jest.useFakeTimers({ now: 1_800_000_000_000 }));
  afterEach(() => {
    subscription?.unsubscribe();
    jest.useRealTimers();
  });

  function start(runMs: number, period = 10_000) {
    const page = fakeDocument();
    TestBed.configureTestingModule({ providers: [{ provide: DOCUMENT, useValue: page.document }] });
    const manual$ = new Subject<void>();
    let runs = 0;
    let running = 0;
    let overlap = false;
    subscription = TestBed.runInInjectionContext(() =>
      refreshLoop(
        () => {
          runs++;
          running++;
          if (running > 1) overlap = true;
          return timer(runMs).pipe(map(() => void running--));
        },
        manual$,
        period,
      ),
    ).subscribe();
    return {
      ...page,
      manual$,
      get runs() {
        return runs;
      },
      get overlap() {
        return overlap;
      },
    };
  }

  it('reads at once, then a period after each answer', () => {
    const loop = start(100);
    expect(loop.runs).toBe(1);
    jest.advanceTimersByTime(9_000);
    expect(loop.runs).toBe(1);
    jest.advanceTimersByTime(2_000);
    expect(loop.runs).toBe(2);
    // each read takes 0.1 s and the next one waits a full period after it (checked each second)
    jest.advanceTimersByTime(22_000);
    expect(loop.runs).toBe(4);
  });

  it('never reads while the tab is hidden, and reads at once when it shows again', () => {
    const loop = start(100);
    loop.hide(true);
    jest.advanceTimersByTime(60_000);
    expect(loop.runs).toBe(1);
    loop.hide(false);
    jest.advanceTimersByTime(1_000);
    expect(loop.runs).toBe(2);
  });

  it('never starts a read while one is running, even on demand', () => {
    const loop = start(25_000);
    loop.manual$.next();
    jest.advanceTimersByTime(20_000);
    expect(loop.runs).toBe(1);
    jest.advanceTimersByTime(5_000); // the slow read answered; the next waits a full period
    expect(loop.runs).toBe(1);
    jest.advanceTimersByTime(11_000);
    expect(loop.runs).toBe(2);
    expect(loop.overlap).toBe(false);
  });

  it('reads on demand between periods', () => {
    const loop = start(100);
    jest.advanceTimersByTime(1_000);
    loop.manual$.next();
    expect(loop.runs).toBe(2);
  });
});
