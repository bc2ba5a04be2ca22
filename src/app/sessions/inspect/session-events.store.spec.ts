import { TestBed } from '@angular/core/testing';
import { create } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';

import { EVENTS_CLIENT } from '../../api/clients/events.client';
import {
  type EventSubscriptionResponse,
  EventSubscriptionResponseSchema,
} from '../../../../proto/gen/armonik/api/grpc/v1/events_common_pb';
import { TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { backoffMs } from './session-event';
import { EVENT_BUFFER_LIMIT, SessionEventsStore } from './session-events.store';
import { defined } from '../../../testing/defined';

/** A server stream the test drives. */
class FakeStream {
  private queue: (EventSubscriptionResponse | Error | null)[] = [];
  private wake?: () => void;
  constructor(readonly request: unknown) {}
  push(item: EventSubscriptionResponse | Error | null): void {
    this.queue.push(item);
    this.wake?.();
  }
  async *iterate(): AsyncGenerator<EventSubscriptionResponse> {
    for (;;) {
      let item = this.queue.shift();
      while (item === undefined) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        item = this.queue.shift();
      }
      if (item === null) return;
      if (item instanceof Error) throw item;
      yield item;
    }
  }
}

function statusUpdate(taskId: string): EventSubscriptionResponse {
  return create(EventSubscriptionResponseSchema, {
    sessionId: 's',
    update: { case: 'taskStatusUpdate', value: { taskId, status: TaskStatus.COMPLETED } },
  });
}

describe('session events store', () => {
  let streams: FakeStream[];
  /** The nth stream the store opened (0 = the first connection). */
  const opened = (n: number) => defined(streams[n], `event stream #${n}`);

  beforeEach(() => {
    jest.useFakeTimers();
    streams = [];
    TestBed.configureTestingModule({
      providers: [
        SessionEventsStore,
        {
          provide: EVENTS_CLIENT,
          useValue: {
            getEvents: (request: unknown, options: { timeoutMs?: number }) => {
              expect(options.timeoutMs).toBe(0);
              const stream = new FakeStream(request);
              streams.push(stream);
              return stream.iterate();
            },
          },
        },
      ],
    });
  });
  afterEach(() => jest.useRealTimers());

  it('keeps only the last 1,000 events, newest first', async () => {
    const store = TestBed.inject(SessionEventsStore);
    store.listen('s');
    for (let i = 0; i < EVENT_BUFFER_LIMIT + 20; i++) opened(0).push(statusUpdate(`t${i}`));
    await jest.advanceTimersByTimeAsync(300);
    expect(store.received()).toBe(EVENT_BUFFER_LIMIT);
    expect(store.visible()[0]?.id).toBe(`t${EVENT_BUFFER_LIMIT + 19}`);
    expect(store.visible().at(-1)?.id).toBe('t20');
  });

  it('reconnects with growing back-off when the stream drops or ends', async () => {
    const store = TestBed.inject(SessionEventsStore);
    store.listen('s');
    await jest.advanceTimersByTimeAsync(0);
    opened(0).push(new ConnectError('connection reset', Code.Unavailable));
    await jest.advanceTimersByTimeAsync(0);
    expect(store.state()).toMatchObject({ kind: 'reconnecting', attempt: 1 });
    await jest.advanceTimersByTimeAsync(backoffMs(1));
    expect(streams).toHaveLength(2);
    expect(store.state().kind).toBe('listening');

    opened(1).push(null); // the server ended the stream: reconnect too
    await jest.advanceTimersByTimeAsync(0);
    expect(store.state()).toMatchObject({ kind: 'reconnecting', attempt: 2 });
    await jest.advanceTimersByTimeAsync(backoffMs(2));
    expect(streams).toHaveLength(3);
  });

  it('stops for good when the session no longer exists', async () => {
    const store = TestBed.inject(SessionEventsStore);
    store.listen('s');
    await jest.advanceTimersByTimeAsync(0);
    opened(0).push(new ConnectError('Session s not found', Code.NotFound));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(store.state().kind).toBe('gone');
    expect(streams).toHaveLength(1);
  });

  it('freezes the display while paused and counts what arrives meanwhile', async () => {
    const store = TestBed.inject(SessionEventsStore);
    store.listen('s');
    opened(0).push(statusUpdate('a'));
    await jest.advanceTimersByTimeAsync(300);
    store.pause();
    opened(0).push(statusUpdate('b'));
    opened(0).push(statusUpdate('c'));
    await jest.advanceTimersByTimeAsync(300);
    expect(store.visible().map((e) => e.id)).toEqual(['a']);
    expect(store.unseen()).toBe(2);
    store.resume();
    expect(store.visible().map((e) => e.id)).toEqual(['c', 'b', 'a']);
    store.toggleKind('taskStatusUpdate');
    expect(store.visible()).toEqual([]);
  });

  it('backs off exponentially up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });
});
