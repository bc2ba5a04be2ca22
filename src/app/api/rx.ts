import { Observable } from 'rxjs';

import { toApiError } from './api-error';

/**
 * Wraps a promise-returning RPC as a cold observable. Unsubscribing aborts the HTTP request,
 * which is what makes `switchMap` cancel a superseded refresh on the wire, not just in memory.
 * Errors are always `ApiError`.
 */
export function fromCall<T>(call: (signal: AbortSignal) => Promise<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const controller = new AbortController();
    let settled = false;
    call(controller.signal).then(
      (value) => {
        settled = true;
        subscriber.next(value);
        subscriber.complete();
      },
      (error: unknown) => {
        settled = true;
        if (!controller.signal.aborted) subscriber.error(toApiError(error));
      },
    );
    return () => abortUnlessSettled(controller, settled);
  });
}

/**
 * Aborts a call still on the wire. A settled one is left alone: aborting builds a DOMException
 * (a stack trace each), which every answered call paid on its teardown — about 8 ms of each
 * wheel step while a 1,000-row page scrolls and its rows' count calls come and go.
 */
function abortUnlessSettled(controller: AbortController, settled: boolean): void {
  if (!settled) controller.abort();
}

/** Wraps a server stream (async iterable) as an observable; unsubscribing cancels the stream. */
export function fromStream<T>(open: (signal: AbortSignal) => AsyncIterable<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const controller = new AbortController();
    let settled = false;
    void (async () => {
      try {
        for await (const message of open(controller.signal)) subscriber.next(message);
        settled = true;
        subscriber.complete();
      } catch (error: unknown) {
        settled = true;
        if (!controller.signal.aborted) subscriber.error(toApiError(error));
      }
    })();
    return () => abortUnlessSettled(controller, settled);
  });
}
