import { DestroyRef, Injectable, InjectionToken, Injector, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

import { snackBarOf } from '../shared/lazy-overlays';
import { type ActivityPatch } from '../sessions/action-journal.port';
import { type ActivityEntry, isActivityEntry } from './activity-entry';
import { JOURNAL_STORE, sortOldestFirst } from './journal-store';

/**
 * The journal keeps the most recent entries only; beyond, the oldest are removed first and the
 * user is told (once per page load, and on the Activity page).
 */
export const ACTIVITY_LIMIT = 10_000;
/** Where earlier versions kept the journal (localStorage); moved to IndexedDB once, then removed. */
export const ACTIVITY_STORAGE_KEY = 'session-console.activity';
const CHANNEL = 'session-console.activity';

/** The legacy localStorage journal, to move it over; a fake in tests. */
export const ACTIVITY_STORAGE = new InjectionToken<Pick<Storage, 'getItem' | 'removeItem'> | null>(
  'ACTIVITY_STORAGE',
  { providedIn: 'root', factory: () => safeLocalStorage() },
);

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

let sequence = 0;
function newId(at: string): string {
  sequence += 1;
  return `${at}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Parses stored text; anything unreadable or malformed is dropped, never trusted. */
export function parseJournal(text: string | null): ActivityEntry[] {
  if (!text) return [];
  try {
    const raw: unknown = JSON.parse(text);
    return Array.isArray(raw) ? raw.filter(isActivityEntry).slice(-ACTIVITY_LIMIT) : [];
  } catch {
    return [];
  }
}

/** What the user must know about the journal itself. */
export type JournalNotice =
  | { readonly kind: 'evicted'; readonly count: number }
  | { readonly kind: 'notSaved'; readonly reason: string };

/**
 * The browser-side journal of every action the console sent: who, when, which session, which
 * action, the outcome and the server's message. Oldest first, bounded, kept in IndexedDB and
 * shared between tabs. Nothing is lost silently: a failed write and an eviction are announced.
 */
@Injectable({ providedIn: 'root' })
export class ActivityJournal {
  private readonly store = inject(JOURNAL_STORE);
  private readonly legacy = inject(ACTIVITY_STORAGE);
  private readonly injector = inject(Injector);
  private readonly all = signal<readonly ActivityEntry[]>([]);
  private readonly channel = globalThis.BroadcastChannel
    ? new BroadcastChannel(CHANNEL)
    : undefined;
  private evictedAnnounced = false;

  /** Oldest first. */
  readonly entries = this.all.asReadonly();
  /** Entries removed to stay under ACTIVITY_LIMIT, since this page was loaded. */
  readonly evicted = signal(0);
  /** The last problem writing the journal, until a write succeeds again. */
  readonly notSaved = signal<string | undefined>(undefined);
  /** Resolves once stored entries are loaded (tests, and the first render of /activity). */
  readonly ready: Promise<void>;

  constructor() {
    this.ready = this.load();
    if (this.channel) {
      // Another tab wrote: read the store again.
      this.channel.onmessage = () => void this.load();
      inject(DestroyRef).onDestroy(() => this.channel?.close());
    }
    if (!this.store) this.problem('IndexedDB is not available');
  }

  append(entry: Omit<ActivityEntry, 'id'>): ActivityEntry {
    const full: ActivityEntry = { ...entry, id: newId(entry.at) };
    const next = [...this.all(), full];
    const evicted =
      next.length > ACTIVITY_LIMIT ? next.splice(0, next.length - ACTIVITY_LIMIT) : [];
    this.all.set(next);
    this.persist(async (store) => {
      await store.put([full]);
      if (evicted.length > 0) await store.remove(evicted.map((e) => e.id));
    });
    if (evicted.length > 0) this.announceEviction(evicted.length);
    return full;
  }

  update(id: string, patch: ActivityPatch): void {
    let updated: ActivityEntry | undefined;
    this.all.update((entries) =>
      entries.map((entry) => (entry.id === id ? (updated = { ...entry, ...patch }) : entry)),
    );
    if (updated) {
      const entry = updated;
      this.persist((store) => store.put([entry]));
    }
  }

  clear(): void {
    this.all.set([]);
    this.evicted.set(0);
    this.persist((store) => store.clear());
  }

  private async load(): Promise<void> {
    if (!this.store) return;
    try {
      const moved = parseJournal(this.legacy?.getItem(ACTIVITY_STORAGE_KEY) ?? null);
      if (moved.length > 0) {
        await this.store.put(moved);
        this.legacy?.removeItem(ACTIVITY_STORAGE_KEY);
      }
      const stored = await this.store.load();
      // Entries appended while loading are kept (the store has them too, or will).
      const byId = new Map(stored.map((e) => [e.id, e]));
      for (const entry of this.all()) byId.set(entry.id, entry);
      this.all.set(sortOldestFirst([...byId.values()]).slice(-ACTIVITY_LIMIT));
    } catch (error: unknown) {
      this.problem(error instanceof Error ? error.message : String(error));
    }
  }

  private persist(work: (store: NonNullable<typeof this.store>) => Promise<void>): void {
    if (!this.store) {
      this.problem('IndexedDB is not available');
      return;
    }
    work(this.store).then(
      () => {
        this.notSaved.set(undefined);
        this.channel?.postMessage('changed');
      },
      (error: unknown) => this.problem(error instanceof Error ? error.message : String(error)),
    );
  }

  private problem(reason: string): void {
    const first = this.notSaved() === undefined;
    this.notSaved.set(reason);
    if (first) this.say('activity.notSaved', { reason }, true);
  }

  private announceEviction(count: number): void {
    this.evicted.update((n) => n + count);
    if (this.evictedAnnounced) return;
    this.evictedAnnounced = true;
    this.say('activity.evicted', { limit: ACTIVITY_LIMIT }, false);
  }

  /** The snack bar is loaded only when there is something to say (not in the initial bundle). */
  private say(key: string, params: Record<string, unknown>, urgent: boolean): void {
    const translate = this.injector.get(TranslateService, null);
    void snackBarOf(this.injector).then((snackBar) => {
      const message = (translate?.instant(key, params) as string | undefined) ?? key;
      const close = translate?.instant('common.close') as string | undefined;
      snackBar.open(message, close, {
        duration: urgent ? 15_000 : 8_000,
        politeness: urgent ? 'assertive' : 'polite',
      });
    });
  }
}
