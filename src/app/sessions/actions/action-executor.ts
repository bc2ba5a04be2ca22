import { Injectable, inject } from '@angular/core';
import { Code } from '@connectrpc/connect';
import {
  type Observable,
  catchError,
  defer,
  finalize,
  map,
  of,
  retry,
  switchMap,
  tap,
  timer,
} from 'rxjs';

import { type ApiError, toApiError } from '../../api/api-error';
import { SESSIONS_CLIENT } from '../../api/clients/sessions.client';
import { CurrentUserStore } from '../../api/current-user.store';
import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { fromCall } from '../../api/rx';
import { ACTION_JOURNAL, type ActivityEntry, type ActivityOrigin } from '../action-journal.port';
import { type ActionRequest, sendAction } from './action-request';
import { PendingActions } from './pending-actions.store';
import { SessionChanges } from './session-changes';

/**
 * What became of one action: the server's session, or its refusal. Never thrown. `checked`: the
 * call ended without an answer (deadline, network loss), so the session was read again until its
 * state told what happened — applied (`ok`), `notApplied`, or still `unknown` after RECHECK_DELAYS.
 */
export type ActionOutcome =
  | { readonly ok: true; readonly session: SessionRaw | undefined; readonly checked?: true }
  | {
      readonly ok: false;
      readonly error: ApiError;
      readonly checked?: 'notApplied' | 'unknown';
    };

/** Delays between re-reads of a session whose action got no answer (about two minutes in all). */
export const RECHECK_DELAYS_MS = [
  1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000,
  10_000, 10_000,
];

/** The call ended without the server's answer: it may or may not have been applied. */
export function isNoAnswer(error: ApiError): boolean {
  return (
    error.code === Code.DeadlineExceeded ||
    error.code === Code.Unavailable ||
    (error.code === Code.Unknown && /fetch|network|load failed|connection/i.test(error.reason))
  );
}

/** Does the session, as read now, show the action applied? `undefined`: it no longer exists. */
export function showsApplied(request: ActionRequest, session: SessionRaw | undefined): boolean {
  if (!session) return request.action === 'delete';
  switch (request.action) {
    case 'pause':
      return session.status === SessionStatus.PAUSED;
    case 'resume':
      return session.status === SessionStatus.RUNNING;
    case 'cancel':
      return session.status === SessionStatus.CANCELLED;
    case 'close':
      return session.status === SessionStatus.CLOSED;
    case 'purge':
      return session.status === SessionStatus.PURGED;
    case 'delete':
      return session.status === SessionStatus.DELETED;
    case 'stopSubmission': {
      const stop = request.stop ?? { client: true, worker: true };
      return (
        (!stop.client || !session.clientSubmission) && (!stop.worker || !session.workerSubmission)
      );
    }
  }
}

/** Told when a call ended without an answer, before the re-reading that settles it. */
export type NoAnswerHook = () => void;

/**
 * The one place that sends session actions — single ones, Undo and every call of a bulk run.
 * It marks the session pending while the call runs, publishes the session the server returned,
 * re-reads the session after a refusal so views show its true state, and journals the outcome.
 * The returned observable never errors and does not report before the server has answered.
 */
@Injectable({ providedIn: 'root' })
export class ActionExecutor {
  private readonly client = inject(SESSIONS_CLIENT);
  private readonly journal = inject(ACTION_JOURNAL);
  private readonly user = inject(CurrentUserStore);
  private readonly pending = inject(PendingActions);
  private readonly changes = inject(SessionChanges);

  execute(
    request: ActionRequest,
    origin: ActivityOrigin,
    onNoAnswer?: NoAnswerHook,
  ): Observable<ActionOutcome> {
    return defer(() => {
      let answered = false;
      this.pending.start(request.sessionId, request.action);
      return fromCall((signal) => sendAction(this.client, request, signal)).pipe(
        map((session): ActionOutcome => ({ ok: true, session })),
        catchError((error: unknown) => of<ActionOutcome>({ ok: false, error: toApiError(error) })),
        switchMap((outcome) => {
          answered = true;
          if (!outcome.ok && isNoAnswer(outcome.error)) {
            // A deadline is not a failure: journal "unknown", then find out from the session.
            const entry = this.record(request, origin, undefined, outcome.error);
            onNoAnswer?.();
            return this.settle(request, outcome.error).pipe(
              tap((settled) => this.resolve(entry.id, settled)),
            );
          }
          this.record(request, origin, outcome);
          if (!outcome.ok || !outcome.session)
            return this.reread(request.sessionId).pipe(map(() => outcome));
          this.changes.publish({ kind: 'updated', session: outcome.session });
          return of(outcome);
        }),
        finalize(() => {
          this.pending.end(request.sessionId);
          if (!answered) this.record(request, origin, undefined);
        }),
      );
    });
  }

  /**
   * Re-reads the session until the server answers (with back-off), publishes what it says, and
   * tells from it whether the action was applied. Never errors.
   */
  private settle(request: ActionRequest, error: ApiError): Observable<ActionOutcome> {
    const { sessionId } = request;
    return defer(() =>
      fromCall((signal) => this.client.getSession({ sessionId }, { signal })).pipe(
        map(({ session }) => session),
        catchError((readError: ApiError) =>
          readError.code === Code.NotFound ? of(undefined) : Promise.reject(readError),
        ),
      ),
    ).pipe(
      retry({
        count: RECHECK_DELAYS_MS.length,
        delay: (_error, attempt) => timer(RECHECK_DELAYS_MS[attempt - 1] ?? 10_000),
      }),
      map((session): ActionOutcome => {
        if (session) this.changes.publish({ kind: 'updated', session });
        else this.changes.publish({ kind: 'removed', sessionId });
        return showsApplied(request, session)
          ? { ok: true, session, checked: true }
          : { ok: false, error, checked: 'notApplied' };
      }),
      catchError(() => of<ActionOutcome>({ ok: false, error, checked: 'unknown' })),
    );
  }

  /** Reads the session again and publishes what the server says it is now. Never errors. */
  reread(sessionId: string): Observable<void> {
    return fromCall((signal) => this.client.getSession({ sessionId }, { signal })).pipe(
      tap(({ session }) => {
        if (session) this.changes.publish({ kind: 'updated', session });
      }),
      map(() => undefined),
      catchError((error: ApiError) => {
        if (error.code === Code.NotFound) this.changes.publish({ kind: 'removed', sessionId });
        return of(undefined);
      }),
    );
  }

  private record(
    request: ActionRequest,
    origin: ActivityOrigin,
    outcome: ActionOutcome | undefined,
    noAnswer?: ApiError,
  ): ActivityEntry {
    return this.journal.append({
      at: new Date().toISOString(),
      user: this.user.user()?.username ?? '',
      sessionId: request.sessionId,
      action: request.action,
      ...(request.action === 'stopSubmission' ? { detail: stopDetail(request) } : {}),
      origin,
      outcome: outcome === undefined ? 'unknown' : outcome.ok ? 'succeeded' : 'failed',
      ...(outcome?.ok && outcome.session
        ? { status: SessionStatus[outcome.session.status] ?? String(outcome.session.status) }
        : {}),
      ...(outcome && !outcome.ok
        ? { code: outcome.error.codeName, message: outcome.error.reason }
        : {}),
      ...(noAnswer ? { code: noAnswer.codeName, message: noAnswer.reason } : {}),
    });
  }

  /** The journal entry of an unanswered call, once re-reading the session settled it. */
  private resolve(id: string, settled: ActionOutcome): void {
    if (!settled.ok && settled.checked === 'unknown') return;
    this.journal.update(id, {
      outcome: settled.ok ? 'succeeded' : 'failed',
      checked: true,
      ...(settled.ok && settled.session
        ? { status: SessionStatus[settled.session.status] ?? String(settled.session.status) }
        : {}),
      ...(settled.ok && !settled.session ? { status: 'DELETED' } : {}),
    });
  }
}

function stopDetail(request: ActionRequest): string {
  const stop = request.stop ?? { client: true, worker: true };
  return [stop.client ? 'client' : '', stop.worker ? 'worker' : ''].filter(Boolean).join('+');
}
