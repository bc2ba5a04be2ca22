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
    call(controller.signal).then(
      (value) => {
        subscriber.next(value);
        subscriber.complete();
      },
      (error: unknown) => {
        if (!controller.signal.aborted) subscriber.error(toApiError(error));
      },
    );
    return () => controller.abort();
  });
}

/** Wraps a server stream (async iterable) as an observable; unsubscribing cancels the stream. */
export function fromStream<T>(open: (signal: AbortSignal) => AsyncIterable<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const controller = new AbortController();
    void (async () => {
      try {
        for await (const message of open(controller.signal)) subscriber.next(message);
        subscriber.complete();
      } catch (error: unknown) {
        if (!controller.signal.aborted) subscriber.error(toApiError(error));
      }
    })();
    return () => controller.abort();
  });
}
