import { InjectionToken, type Signal } from '@angular/core';

import type { SessionAction } from './session-action-names';

// The action names only (no protobuf): this port is bound in the initial bundle.
export { SESSION_ACTIONS, type SessionAction } from './session-action-names';

/**
 * The journal of the actions this console sent, as the sessions folder sees it: the executor
 * appends, the inspection page reads a session's entries. The sessions folder knows only this
 * port; `activity/` implements it (ActivityJournal, with its storage) and the application binds
 * the two at its root (app.config.ts), so the journal may use session rules and labels without
 * the sessions folder depending on it. A `*.port.ts` file is public like `index.ts`, and kept
 * light: it is what the initial bundle loads to bind the journal.
 */
export interface ActionJournal {
  /** Oldest first. */
  readonly entries: Signal<readonly ActivityEntry[]>;
  /** Returns the entry as stored (with its id). */
  append(entry: Omit<ActivityEntry, 'id'>): ActivityEntry;
  /** Settles an entry recorded `unknown` once the session's state told what happened. */
  update(id: string, patch: ActivityPatch): void;
}

/** What settling an `unknown` entry may change. */
export type ActivityPatch = Partial<Pick<ActivityEntry, 'outcome' | 'status' | 'checked'>>;

export const ACTION_JOURNAL = new InjectionToken<ActionJournal>('ACTION_JOURNAL');

/** How the action reached the server: from one session's controls, a bulk run, or an Undo. */
export type ActivityOrigin = 'single' | 'bulk' | 'undo';

/** `unknown`: the console stopped waiting before the server answered (the page was closed…). */
export type ActivityOutcome = 'succeeded' | 'failed' | 'unknown';

/** One action the console sent, as the journal keeps it. Every string is rendered as text. */
export interface ActivityEntry {
  readonly id: string;
  /** ISO 8601, when the answer (or its absence) was recorded. */
  readonly at: string;
  /** Who, from GetCurrentUser. */
  readonly user: string;
  readonly sessionId: string;
  readonly action: SessionAction;
  /** Stop submission only: which submissions were stopped (`client`, `worker`, `client+worker`). */
  readonly detail?: string;
  readonly origin: ActivityOrigin;
  readonly outcome: ActivityOutcome;
  /** gRPC code name of a refusal (`FAILED_PRECONDITION`…). */
  readonly code?: string;
  /** The server's own message of a refusal. */
  readonly message?: string;
  /** The status the server returned after a success (`RUNNING`, `PAUSED`…). */
  readonly status?: string;
  /**
   * The call got no answer (deadline, network loss: `code`/`message` say which); the outcome was
   * then found by reading the session again.
   */
  readonly checked?: boolean;
}
