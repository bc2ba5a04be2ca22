import { DestroyRef, Injectable, InjectionToken, inject, signal } from '@angular/core';

import { type ActivityEntry, isActivityEntry } from './activity-entry';

/** The journal keeps the most recent entries only, so it never outgrows browser storage. */
export const ACTIVITY_LIMIT = 2_000;
export const ACTIVITY_STORAGE_KEY = 'session-console.activity';

/** Where the journal lives; localStorage in the browser, a fake in tests. */
export const ACTIVITY_STORAGE = new InjectionToken<Pick<Storage, 'getItem' | 'setItem'> | null>(
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

/**
 * The browser-side journal of every action the console sent: who, when, which session, which
 * action, the outcome and the server's message. Oldest first, bounded, shared between tabs.
 */
@Injectable({ providedIn: 'root' })
export class ActivityJournal {
  private readonly storage = inject(ACTIVITY_STORAGE);
  private readonly all = signal<readonly ActivityEntry[]>(this.read());
  /** Oldest first. */
  readonly entries = this.all.asReadonly();

  constructor() {
    // Another tab appended: pick its entries up.
    const onStorage = (event: StorageEvent) => {
      if (event.key === ACTIVITY_STORAGE_KEY) this.all.set(parseJournal(event.newValue));
    };
    globalThis.addEventListener?.('storage', onStorage);
    inject(DestroyRef).onDestroy(() => globalThis.removeEventListener?.('storage', onStorage));
  }

  append(entry: Omit<ActivityEntry, 'id'>): ActivityEntry {
    const full: ActivityEntry = { ...entry, id: newId(entry.at) };
    // Re-read first: another tab may have written since.
    const base = this.storage ? this.read() : this.all();
    const next = [...base, full].slice(-ACTIVITY_LIMIT);
    this.all.set(next);
    this.write(next);
    return full;
  }

  clear(): void {
    this.all.set([]);
    this.write([]);
  }

  private read(): ActivityEntry[] {
    try {
      return parseJournal(this.storage?.getItem(ACTIVITY_STORAGE_KEY) ?? null);
    } catch {
      return [];
    }
  }

  private write(entries: readonly ActivityEntry[]): void {
    try {
      this.storage?.setItem(ACTIVITY_STORAGE_KEY, JSON.stringify(entries));
    } catch {
      // Storage full or disabled: the journal still lives for this tab.
    }
  }
}
