import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Subject, auditTime } from 'rxjs';

import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';

/**
 * What the server said a session now is, after an action or a re-read. Every view that shows a
 * session (the grid's rows, the inspection page) applies these, so the screen only ever shows
 * the server's word.
 */
export type SessionChange =
  | { readonly kind: 'updated'; readonly session: SessionRaw }
  /** The session no longer exists (NOT_FOUND on a re-read). */
  | { readonly kind: 'removed'; readonly sessionId: string };

@Injectable({ providedIn: 'root' })
export class SessionChanges {
  private readonly subject = new Subject<SessionChange>();
  readonly changes$ = this.subject.asObservable();

  publish(change: SessionChange): void {
    this.subject.next(change);
  }
}

/**
 * Calls `refresh` whenever the server has returned a changed session (at most every `auditMs`,
 * so a bulk run does not reload a grid per call). Call in an injection context: it stops with it.
 */
export function refreshOnSessionChanges(refresh: () => void, auditMs = 500): void {
  inject(SessionChanges)
    .changes$.pipe(auditTime(auditMs), takeUntilDestroyed())
    .subscribe(() => refresh());
}
