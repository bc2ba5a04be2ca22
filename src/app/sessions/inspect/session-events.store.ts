import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Code } from '@connectrpc/connect';
import {
  type Subscription,
  bufferTime,
  defer,
  filter,
  retry,
  tap,
  throwError,
  timer,
  concatWith,
  map,
} from 'rxjs';

import { ApiError, toApiError } from '../../api/api-error';
import { EVENTS_CLIENT } from '../../api/clients/events.client';
import { fromStream } from '../../api/rx';
import {
  EVENT_KINDS,
  type EventKind,
  type SessionEvent,
  appendBounded,
  backoffMs,
  toSessionEvent,
} from './session-event';

/** The log keeps the last 1,000 events. */
export const EVENT_BUFFER_LIMIT = 1_000;

export type StreamState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'listening' }
  | {
      readonly kind: 'reconnecting';
      readonly attempt: number;
      readonly retryAt: number;
      readonly reason: string;
    }
  /** The server says the session does not exist (any more): nothing left to listen to. */
  | { readonly kind: 'gone' };

/**
 * The live event stream of one session (Events.GetEvents): a bounded buffer, a display that can
 * be paused while events keep being collected, a type filter, and automatic reconnection with
 * exponential back-off whenever the stream drops or ends.
 */
@Injectable()
export class SessionEventsStore {
  private readonly client = inject(EVENTS_CLIENT);
  private subscription?: Subscription;
  private seq = 0;

  private readonly buffer = signal<readonly SessionEvent[]>([]);
  private readonly frozen = signal<readonly SessionEvent[] | undefined>(undefined);
  readonly state = signal<StreamState>({ kind: 'idle' });
  readonly kinds = signal<ReadonlySet<EventKind>>(new Set(EVENT_KINDS));
  readonly paused = computed(() => this.frozen() !== undefined);
  /** Events received since the display was paused. */
  readonly unseen = computed(() => {
    const frozen = this.frozen();
    if (!frozen) return 0;
    const last = frozen.at(-1)?.seq ?? 0;
    return this.buffer().filter((event) => event.seq > last).length;
  });
  readonly received = computed(() => this.buffer().length);
  /** Sequence number of the newest event received; changes with every batch. */
  readonly lastSeq = computed(() => this.buffer().at(-1)?.seq ?? 0);
  /** What the log shows, newest first. */
  readonly visible = computed(() => {
    const kinds = this.kinds();
    return (this.frozen() ?? this.buffer()).filter((event) => kinds.has(event.kind)).reverse();
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** (Re)subscribes to this session's events; the previous stream, if any, is closed. */
  listen(sessionId: string): void {
    this.stop();
    this.buffer.set([]);
    this.frozen.set(undefined);
    this.subscription = defer(() => {
      this.state.set({ kind: 'listening' });
      return fromStream((signal) =>
        // No deadline: the stream stays open until we leave.
        this.client.getEvents({ sessionId, returnedEvents: [] }, { signal, timeoutMs: 0 }),
      );
    })
      .pipe(
        // A stream the server ends is a dropped stream: reconnect like after an error.
        concatWith(throwError(() => new ApiError(Code.Unavailable, 'The event stream was closed'))),
        tap({ next: () => this.markListening() }),
        retry({
          resetOnSuccess: true,
          delay: (error: unknown, attempt: number) => {
            const apiError = toApiError(error);
            if (apiError.code === Code.NotFound) return throwError(() => apiError);
            const wait = backoffMs(attempt);
            this.state.set({
              kind: 'reconnecting',
              attempt,
              retryAt: Date.now() + wait,
              reason: apiError.reason,
            });
            return timer(wait);
          },
        }),
        map((response) => toSessionEvent(response, ++this.seq, Date.now())),
        filter((event): event is SessionEvent => event !== undefined),
        // Bursts (a cancel moves thousands of tasks) are applied in batches, not one render each.
        bufferTime(250),
        filter((batch) => batch.length > 0),
      )
      .subscribe({
        next: (batch) =>
          this.buffer.update((buffer) => appendBounded(buffer, batch, EVENT_BUFFER_LIMIT)),
        error: () => this.state.set({ kind: 'gone' }),
      });
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.state.set({ kind: 'idle' });
  }

  pause(): void {
    if (!this.frozen()) this.frozen.set(this.buffer());
  }

  resume(): void {
    this.frozen.set(undefined);
  }

  clear(): void {
    this.buffer.set([]);
    if (this.frozen()) this.frozen.set([]);
  }

  toggleKind(kind: EventKind): void {
    this.kinds.update((kinds) => {
      const next = new Set(kinds);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  }

  private markListening(): void {
    if (this.state().kind !== 'listening') this.state.set({ kind: 'listening' });
  }
}
