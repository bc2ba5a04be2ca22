import * as grpc from '@grpc/grpc-js';
import { once } from 'node:events';

export function statusName(code: number): string {
  return grpc.status[code] ?? `code ${code}`;
}

/** The error a call failed with; fails the test if the call succeeded. */
export async function callError(promise: Promise<unknown>): Promise<grpc.ServiceError> {
  let response: unknown;
  try {
    response = await promise;
  } catch (error) {
    return error as grpc.ServiceError;
  }
  throw new Error(`expected the call to fail, it answered ${JSON.stringify(response)}`);
}

/** `{ code: 'NOT_FOUND', details: '…' }` of a failed call, for readable toEqual diffs. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; details: string }> {
  const error = await callError(promise);
  return { code: statusName(error.code), details: error.details };
}

/** Every message of a server stream that ends normally. */
export function readAll<T>(call: grpc.ClientReadableStream<T>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const items: T[] = [];
    call.on('data', (item: T) => items.push(item));
    call.on('error', reject);
    call.on('end', () => resolve(items));
  });
}

/** Collects a long-lived stream (Events.GetEvents) in the background. */
export class StreamCollector<T> {
  readonly items: T[] = [];
  error: grpc.ServiceError | undefined;
  ended = false;
  private readonly finished: Promise<void>;

  constructor(readonly call: grpc.ClientReadableStream<T>) {
    call.on('data', (item: T) => this.items.push(item));
    this.finished = new Promise((resolve) => {
      call.on('error', (error: grpc.ServiceError) => {
        this.error = error;
        resolve();
      });
      call.on('end', () => {
        this.ended = true;
        resolve();
      });
    });
  }

  /**
   * Resolves once the server sent its response headers (the subscription is in place), or after
   * a grace period for servers that send headers with the first message only.
   */
  async ready(graceMs = 1_000): Promise<void> {
    const headers = once(this.call, 'metadata').catch(() => undefined);
    await Promise.race([headers, sleep(graceMs)]);
  }

  /** Waits (bounded) until `done(items)` holds; returns whether it did. */
  async until(done: (items: T[]) => boolean, attempts = 200, intervalMs = 50): Promise<boolean> {
    for (let i = 0; i < attempts; i++) {
      if (done(this.items)) return true;
      if (this.error || this.ended) return done(this.items);
      await sleep(intervalMs);
    }
    return done(this.items);
  }

  /** Cancels the call and waits until grpc-js reports how it ended. */
  async cancel(): Promise<void> {
    this.call.cancel();
    await this.finished;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until `done` holds (bounded number of attempts) and returns the last value, so
 * the caller asserts on the final state. No duration is ever asserted.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 100,
  intervalMs = 100,
): Promise<T> {
  let value = await probe();
  for (let i = 1; i < attempts && !done(value); i++) {
    await sleep(intervalMs);
    value = await probe();
  }
  return value;
}
