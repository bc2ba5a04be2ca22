import { Subject, switchMap } from 'rxjs';

import { ApiError } from './api-error';
import { fromCall, fromStream } from './rx';

/** A call whose answer the test gives, recording the signal it was handed. */
function pendingCall<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const signals: AbortSignal[] = [];
  const call = (signal: AbortSignal) => {
    signals.push(signal);
    return new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  };
  return { call, signals, resolve: (v: T) => resolve(v), reject: (e: unknown) => reject(e) };
}

describe('fromCall', () => {
  it('aborts the request on the wire when a newer refresh supersedes it', () => {
    const rpc = pendingCall<number>();
    const refresh = new Subject<void>();
    const seen: number[] = [];
    refresh.pipe(switchMap(() => fromCall(rpc.call))).subscribe((v) => seen.push(v));
    refresh.next();
    refresh.next();
    expect(rpc.signals.map((s) => s.aborted)).toEqual([true, false]);
    expect(seen).toEqual([]);
  });

  it('leaves an answered call alone when its subscriber goes', async () => {
    const rpc = pendingCall<number>();
    const seen: number[] = [];
    const subscription = fromCall(rpc.call).subscribe((v) => seen.push(v));
    rpc.resolve(7);
    await Promise.resolve();
    subscription.unsubscribe();
    expect(seen).toEqual([7]);
    expect(rpc.signals[0]?.aborted).toBe(false);
  });

  it('reports a failed call as an ApiError, and a cancelled one not at all', async () => {
    const failing = pendingCall<number>();
    const errors: unknown[] = [];
    fromCall(failing.call).subscribe({ error: (e: unknown) => errors.push(e) });
    failing.reject(new Error('boom'));
    await Promise.resolve();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ApiError);

    const cancelled = pendingCall<number>();
    const after: unknown[] = [];
    fromCall(cancelled.call)
      .subscribe({ error: (e: unknown) => after.push(e) })
      .unsubscribe();
    cancelled.reject(new Error('aborted'));
    await Promise.resolve();
    expect(after).toEqual([]);
  });
});

describe('fromStream', () => {
  it('aborts a live stream when unsubscribed, and not one that ended', async () => {
    const signals: AbortSignal[] = [];
    const live = fromStream<number>(async function* (signal) {
      signals.push(signal);
      yield 1;
      await new Promise<void>(() => undefined); // stays open
    });
    const liveSubscription = live.subscribe();
    await Promise.resolve();
    liveSubscription.unsubscribe();
    expect(signals[0]?.aborted).toBe(true);

    const ended = fromStream<number>(async function* (signal) {
      signals.push(signal);
      yield 1;
    });
    const seen: number[] = [];
    let done = false;
    const endedSubscription = ended.subscribe({
      next: (v) => seen.push(v),
      complete: () => (done = true),
    });
    for (let i = 0; i < 5 && !done; i++) await Promise.resolve();
    endedSubscription.unsubscribe();
    expect(seen).toEqual([1]);
    expect(done).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
  });
});
