import { Injectable, signal } from '@angular/core';

import { type SessionAction } from '../session-rules';

/**
 * Which sessions have an action on the wire right now. Rows, the inspection header and the bulk
 * bar read it to show a pending state and to hold back a second action on the same session.
 */
@Injectable({ providedIn: 'root' })
export class PendingActions {
  private readonly running = signal<ReadonlyMap<string, SessionAction>>(new Map());

  /** The action in flight for this session, if any. */
  actionFor(sessionId: string): SessionAction | undefined {
    return this.running().get(sessionId);
  }

  start(sessionId: string, action: SessionAction): void {
    this.running.update((map) => new Map(map).set(sessionId, action));
  }

  end(sessionId: string): void {
    this.running.update((map) => {
      const next = new Map(map);
      next.delete(sessionId);
      return next;
    });
  }
}
