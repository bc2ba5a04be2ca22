import { Injectable, inject } from '@angular/core';
import { Code } from '@connectrpc/connect';
import { type Observable, catchError, defer, finalize, map, of, switchMap, tap } from 'rxjs';

import { type ApiError, toApiError } from '../../api/api-error';
import { SESSIONS_CLIENT } from '../../api/clients/sessions.client';
import { CurrentUserStore } from '../../api/current-user.store';
import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { fromCall } from '../../api/rx';
import { ACTION_JOURNAL, type ActivityOrigin } from '../action-journal.port';
import { type ActionRequest, sendAction } from './action-request';
import { PendingActions } from './pending-actions.store';
import { SessionChanges } from './session-changes';

/** What became of one action: the server's session, or its refusal. Never thrown. */
export type ActionOutcome =
  | { readonly ok: true; readonly session: SessionRaw | undefined }
  | { readonly ok: false; readonly error: ApiError };

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

  execute(request: ActionRequest, origin: ActivityOrigin): Observable<ActionOutcome> {
    return defer(() => {
      let answered = false;
      this.pending.start(request.sessionId, request.action);
      return fromCall((signal) => sendAction(this.client, request, signal)).pipe(
        map((session): ActionOutcome => ({ ok: true, session })),
        catchError((error: unknown) => of<ActionOutcome>({ ok: false, error: toApiError(error) })),
        tap((outcome) => {
          answered = true;
          this.record(request, origin, outcome);
        }),
        switchMap((outcome) => {
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
  ): void {
    this.journal.append({
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
    });
  }
}

function stopDetail(request: ActionRequest): string {
  const stop = request.stop ?? { client: true, worker: true };
  return [stop.client ? 'client' : '', stop.worker ? 'worker' : ''].filter(Boolean).join('+');
}
