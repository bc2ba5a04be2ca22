import { InjectionToken } from '@angular/core';

import { type ActivityEntry, isActivityEntry } from './activity-entry';

/**
 * Where the journal is kept. IndexedDB in the browser: unlike localStorage (5 MB shared by the
 * whole console, where a full quota silently dropped entries) it can grow, and a failed write is
 * reported. A fake in tests.
 */
export interface JournalStore {
  /** Every stored entry, well-formed ones only, oldest first. */
  load(): Promise<ActivityEntry[]>;
  /** Adds or replaces entries (by id). */
  put(entries: readonly ActivityEntry[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}

const DB_NAME = 'session-console';
const STORE = 'activity';

export const JOURNAL_STORE = new InjectionToken<JournalStore | null>('JOURNAL_STORE', {
  providedIn: 'root',
  factory: () => (globalThis.indexedDB ? indexedDbStore(globalThis.indexedDB) : null),
});

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function indexedDbStore(idb: IDBFactory): JournalStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      db = undefined;
      throw error;
    }));
  const write = async (work: (store: IDBObjectStore) => void): Promise<void> => {
    const transaction = (await open()).transaction(STORE, 'readwrite');
    work(transaction.objectStore(STORE));
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
    });
  };
  return {
    async load() {
      const store = (await open()).transaction(STORE, 'readonly').objectStore(STORE);
      const raw: unknown[] = await request(store.getAll());
      return sortOldestFirst(raw.filter(isActivityEntry));
    },
    put: (entries) => write((store) => entries.forEach((entry) => store.put(entry))),
    remove: (ids) => write((store) => ids.forEach((id) => store.delete(id))),
    clear: () => write((store) => store.clear()),
  };
}

/** By time, then by the sequence number every id carries (two entries may share a millisecond). */
export function sortOldestFirst(entries: ActivityEntry[]): ActivityEntry[] {
  const seq = (id: string) => Number(/-(\d+)-[^-]*$/.exec(id)?.[1] ?? 0);
  return entries.sort((a, b) => a.at.localeCompare(b.at) || seq(a.id) - seq(b.id));
}
