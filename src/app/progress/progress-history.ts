import { Injectable, signal } from '@angular/core';

import { type Sample, addSample } from './progress';

/** History scope names. */
export const CLUSTER_SCOPE = 'cluster';
export const lineScope = (id: string) => `line:${id}`;
export const sessionScope = (id: string) => `session:${id}`;

/** Scopes remembered at most (cluster, lines, partitions, sessions looked at): bounded memory. */
const MAX_SCOPES = 100;

/**
 * Readings of every scope's counts over the last 15 minutes, kept in memory for the life of the
 * tab: leaving the overview and coming back keeps the charts (nothing is stored or sent).
 */
@Injectable({ providedIn: 'root' })
export class ProgressHistory {
  private readonly state = signal<ReadonlyMap<string, readonly Sample[]>>(new Map());
  readonly all = this.state.asReadonly();

  record(scope: string, sample: Sample): void {
    this.state.update((current) => {
      const next = new Map(current);
      const history = addSample(next.get(scope) ?? [], sample);
      next.delete(scope); // re-inserted last: the map's order is least recently recorded first
      next.set(scope, history);
      for (const oldest of next.keys()) {
        if (next.size <= MAX_SCOPES) break;
        next.delete(oldest);
      }
      return next;
    });
  }

  of(scope: string): readonly Sample[] {
    return this.state().get(scope) ?? [];
  }
}
