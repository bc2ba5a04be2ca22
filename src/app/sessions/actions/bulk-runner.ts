import { computed, signal } from '@angular/core';
import {
  type Observable,
  type Subscription,
  catchError,
  defer,
  from,
  map,
  mergeMap,
  of,
} from 'rxjs';

import { toApiError } from '../../api/api-error';

import { type SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type Refusal } from '../session-rules';
import { type ActionOutcome } from './action-executor';
import { type ActionRequest, type StopSubmissionChoice } from './action-request';
import { type BulkPlan } from './bulk-planner';

/** At most this many calls are on the wire at once during a bulk run. */
export const BULK_CONCURRENCY = 6;

/** `notRun`: the operator stopped the run before this session's turn came. */
export type BulkLineOutcome = 'succeeded' | 'failed' | 'skipped' | 'notRun';

/** One session's line in the final report. */
export interface BulkReportLine {
  readonly sessionId: string;
  readonly outcome: BulkLineOutcome;
  /** The status the selection had when planned. */
  readonly status: SessionStatus;
  /** Why it was skipped. */
  readonly refusal?: Refusal;
  /** A failure's gRPC code name and the server's message. */
  readonly code?: string;
  readonly message?: string;
  /** The status the server returned after a success. */
  readonly newStatus?: SessionStatus;
}

export type Execute = (request: ActionRequest) => Observable<ActionOutcome>;

/**
 * Sends the plan's calls, at most `concurrency` at a time. Once `isStopped()` turns true no new
 * call starts: calls already on the wire finish (their outcome is the server's to tell), the rest
 * are reported as not run. Emits one line per affected session, in completion order.
 */
export function runPlan(
  plan: BulkPlan,
  execute: Execute,
  isStopped: () => boolean,
  stop?: StopSubmissionChoice,
  concurrency = BULK_CONCURRENCY,
): Observable<BulkReportLine> {
  return from(plan.affected).pipe(
    mergeMap(
      (target) =>
        defer(() => {
          const base = { sessionId: target.sessionId, status: target.status };
          if (isStopped()) return of<BulkReportLine>({ ...base, outcome: 'notRun' });
          const request: ActionRequest = {
            action: plan.action,
            sessionId: target.sessionId,
            ...(plan.action === 'stopSubmission' && stop ? { stop } : {}),
          };
          return execute(request).pipe(
            map((outcome): BulkReportLine =>
              outcome.ok
                ? {
                    ...base,
                    outcome: 'succeeded',
                    ...(outcome.session ? { newStatus: outcome.session.status } : {}),
                  }
                : {
                    ...base,
                    outcome: 'failed',
                    code: outcome.error.codeName,
                    message: outcome.error.reason,
                  },
            ),
            catchError((error: unknown) => {
              const apiError = toApiError(error);
              return of<BulkReportLine>({
                ...base,
                outcome: 'failed',
                code: apiError.codeName,
                message: apiError.reason,
              });
            }),
          );
        }),
      concurrency,
    ),
  );
}

/** A bulk run's live state: progress, stop, and the per-session report (skipped ones included). */
export class BulkRun {
  private readonly stopRequested = signal(false);
  private readonly ran = signal<readonly BulkReportLine[]>([]);
  private readonly complete = signal(false);
  private subscription?: Subscription;

  readonly total: number;
  readonly skippedLines: readonly BulkReportLine[];
  readonly stopping = this.stopRequested.asReadonly();
  readonly finished = this.complete.asReadonly();
  /** Affected sessions whose call has ended (or that were not run). */
  readonly done = computed(() => this.ran().length);
  readonly progress = computed(() => (this.total === 0 ? 100 : (this.done() / this.total) * 100));
  readonly lines = computed(() => [...this.ran(), ...this.skippedLines]);
  readonly counts = computed(() => countLines(this.lines()));

  constructor(
    readonly plan: BulkPlan,
    private readonly execute: Execute,
    private readonly stop?: StopSubmissionChoice,
  ) {
    this.total = plan.affected.length;
    this.skippedLines = plan.skipped.map(({ target, reason }) => ({
      sessionId: target.sessionId,
      status: target.status,
      outcome: 'skipped',
      refusal: reason,
    }));
  }

  start(): void {
    if (this.subscription) return;
    this.subscription = runPlan(
      this.plan,
      this.execute,
      () => this.stopRequested(),
      this.stop,
    ).subscribe({
      next: (line) => this.ran.update((lines) => [...lines, line]),
      complete: () => this.complete.set(true),
    });
  }

  /** No new call starts; the ones on the wire finish and are reported. */
  requestStop(): void {
    this.stopRequested.set(true);
  }
}

export function countLines(
  lines: readonly BulkReportLine[],
): Readonly<Record<BulkLineOutcome, number>> {
  const counts = { succeeded: 0, failed: 0, skipped: 0, notRun: 0 };
  for (const line of lines) counts[line.outcome] += 1;
  return counts;
}
