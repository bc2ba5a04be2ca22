import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';

import { type ActivityEntry } from './activity-entry';
import {
  ACTIVITY_LIMIT,
  ACTIVITY_STORAGE,
  ACTIVITY_STORAGE_KEY,
  ActivityJournal,
} from './activity-journal';
import { JOURNAL_STORE, type JournalStore } from './journal-store';
import { defined } from '../../testing/defined';

/** The store in memory; `failing` makes every write fail as a full quota does. */
function memoryStore(initial: ActivityEntry[] = []) {
  const rows = new Map(initial.map((e) => [e.id, e]));
  const state = { failing: false };
  const store: JournalStore = {
    load: async () => [...rows.values()],
    put: async (entries) => {
      if (state.failing) throw new Error('QuotaExceededError');
      for (const e of entries) rows.set(e.id, e);
    },
    remove: async (ids) => void ids.forEach((id) => rows.delete(id)),
    clear: async () => rows.clear(),
  };
  return { store, rows, state };
}

const entry = (i: number): Omit<ActivityEntry, 'id'> => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  user: 'alice',
  sessionId: `s${i}`,
  action: 'pause',
  origin: 'single',
  outcome: 'succeeded',
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(store: JournalStore | null, legacy: Record<string, string> = {}) {
  TestBed.configureTestingModule({
    providers: [
      provideTranslateService(),
      { provide: JOURNAL_STORE, useValue: store },
      {
        provide: ACTIVITY_STORAGE,
        useValue: {
          getItem: (key: string) => legacy[key] ?? null,
          removeItem: (key: string) => delete legacy[key],
        },
      },
    ],
  });
  return TestBed.inject(ActivityJournal);
}

describe('activity journal (IndexedDB)', () => {
  it('keeps every entry in the store, and settles an unknown one in place', async () => {
    const { store, rows } = memoryStore();
    const journal = setUp(store);
    await journal.ready;
    const first = journal.append({ ...entry(1), outcome: 'unknown' });
    await flush();
    expect([...rows.values()]).toEqual([first]);
    journal.update(first.id, { outcome: 'succeeded', checked: true, status: 'PAUSED' });
    await flush();
    expect(rows.get(first.id)).toMatchObject({ outcome: 'succeeded', checked: true });
    expect(journal.entries()).toHaveLength(1);
  });

  it('moves the old localStorage journal over once, then removes it', async () => {
    const { store, rows } = memoryStore();
    const old = [{ ...entry(1), id: 'old-1-a' }];
    const legacy: Record<string, string> = { [ACTIVITY_STORAGE_KEY]: JSON.stringify(old) };
    const journal = setUp(store, legacy);
    await journal.ready;
    expect(journal.entries()).toEqual(old);
    expect(rows.has('old-1-a')).toBe(true);
    expect(legacy[ACTIVITY_STORAGE_KEY]).toBeUndefined();
  });

  it('removes the oldest entries beyond the limit, from the store too, and counts them', async () => {
    const stored = Array.from({ length: ACTIVITY_LIMIT }, (_, i) => ({
      ...entry(i),
      id: `${entry(i).at}-${i}-x`,
    }));
    const { store, rows } = memoryStore(stored);
    const journal = setUp(store);
    await journal.ready;
    const newest = journal.append(entry(ACTIVITY_LIMIT + 1));
    await flush();
    expect(journal.entries()).toHaveLength(ACTIVITY_LIMIT);
    expect(journal.entries()[0]?.id).toBe(defined(stored[1], 'a second entry').id);
    expect(journal.entries().at(-1)).toEqual(newest);
    expect(rows.has(defined(stored[0], 'a first entry').id)).toBe(false);
    expect(journal.evicted()).toBe(1);
  });

  it('says so when an entry cannot be saved, and keeps it for this page', async () => {
    const { store, state } = memoryStore();
    const journal = setUp(store);
    await journal.ready;
    state.failing = true;
    journal.append(entry(1));
    await flush();
    expect(journal.notSaved()).toContain('QuotaExceededError');
    expect(journal.entries()).toHaveLength(1);
    state.failing = false;
    journal.append(entry(2));
    await flush();
    expect(journal.notSaved()).toBeUndefined();
  });

  it('without IndexedDB, says the journal is not saved', async () => {
    const journal = setUp(null);
    await journal.ready;
    expect(journal.notSaved()).toBeDefined();
  });
});
