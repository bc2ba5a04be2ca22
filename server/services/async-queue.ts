import { Code, ConnectError } from '@connectrpc/connect';

/**
 * Buffer between synchronous producers (cluster events) and a server-streaming handler. A
 * consumer that falls more than `limit` items behind gets RESOURCE_EXHAUSTED instead of letting
 * memory grow without bound.
 */
export class AsyncQueue<T> {
  private items: T[] = [];
  private head = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly limit: number) {}

  push(item: T): void {
    if (this.failure) return;
    if (this.items.length - this.head >= this.limit) {
      this.fail(
        new ConnectError(
          `event stream consumer fell more than ${this.limit} events behind`,
          Code.ResourceExhausted,
        ),
      );
      return;
    }
    this.items.push(item);
    this.notify();
  }

  fail(error: Error): void {
    this.failure = error;
    this.notify();
  }

  /** Yields items as they come until the signal aborts (client cancelled) or the queue fails. */
  async *drain(signal: AbortSignal): AsyncGenerator<T> {
    const onAbort = () => this.notify();
    signal.addEventListener('abort', onAbort);
    try {
      for (;;) {
        if (signal.aborted) return;
        if (this.failure) throw this.failure;
        if (this.head < this.items.length) {
          const item = this.items[this.head++]!;
          if (this.head > 1024 && this.head * 2 > this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
          }
          yield item;
          continue;
        }
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
