import { type EventSubscriptionResponse } from '../../../../proto/gen/armonik/api/grpc/v1/events_common_pb';

/** The kinds of session events the log shows, in the API's order. */
export const EVENT_KINDS = [
  'newTask',
  'taskStatusUpdate',
  'newResult',
  'resultStatusUpdate',
  'resultOwnerUpdate',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One received event, flattened for display. Ids are the server's: render them as text. */
export interface SessionEvent {
  /** Arrival order, for tracking. */
  readonly seq: number;
  /** When the console received it (the API carries no event time). */
  readonly at: number;
  readonly kind: EventKind;
  /** The task or result the event is about. */
  readonly id: string;
  /** Task status (task events) or result status (result events); absent for owner changes. */
  readonly status?: number;
  /** Owner changes: previous → current owner task. */
  readonly previousOwner?: string;
  readonly currentOwner?: string;
  /** New results: their owner task. */
  readonly owner?: string;
}

/** Flattens one EventSubscriptionResponse; `undefined` for an empty or unknown update. */
export function toSessionEvent(
  response: EventSubscriptionResponse,
  seq: number,
  at: number,
): SessionEvent | undefined {
  const update = response.update;
  switch (update.case) {
    case 'newTask':
      return { seq, at, kind: 'newTask', id: update.value.taskId, status: update.value.status };
    case 'taskStatusUpdate':
      return {
        seq,
        at,
        kind: 'taskStatusUpdate',
        id: update.value.taskId,
        status: update.value.status,
      };
    case 'newResult':
      return {
        seq,
        at,
        kind: 'newResult',
        id: update.value.resultId,
        status: update.value.status,
        owner: update.value.ownerId,
      };
    case 'resultStatusUpdate':
      return {
        seq,
        at,
        kind: 'resultStatusUpdate',
        id: update.value.resultId,
        status: update.value.status,
      };
    case 'resultOwnerUpdate':
      return {
        seq,
        at,
        kind: 'resultOwnerUpdate',
        id: update.value.resultId,
        previousOwner: update.value.previousOwnerId,
        currentOwner: update.value.currentOwnerId,
      };
    default:
      return undefined;
  }
}

/** Appends, keeping only the most recent `limit` events. */
export function appendBounded<T>(buffer: readonly T[], items: readonly T[], limit: number): T[] {
  const next = buffer.concat(items);
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** Reconnection delay after the n-th consecutive failure (1-based): 1 s, 2 s, 4 s… capped at 30 s. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));
}
