import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Code, ConnectError } from '@connectrpc/connect';

import type { ListRequest, ResourceDefinition } from '../model/definition';
import { WIDGETS, type Widget, widget } from '../../../testing/widgets.spec-helper';
import { defined } from '../../../testing/defined';
import { COUNTS_SETTLE_MS, FIRST_ROWS_MS, GridCountsStore } from './counts.store';
import { provideGrid } from './provide-grid';
import { GridStore } from './grid.store';
import { GRID_STORAGE, memoryStorage } from './storage';

// The clock is Jest's (fake timers): waiting moves it on and runs what became due, no real time.
const settle = () => jest.advanceTimersByTimeAsync(0);
const wait = (ms: number) => jest.advanceTimersByTimeAsync(ms);

/** A fake cluster: counts every call, answers with `rows`, or fails when told to. */
function fakeCluster(rows: Widget[]) {
  const cluster = {
    rows,
    listCalls: [] as ListRequest[],
    countCalls: [] as string[],
    failNext: false,
  };
  const definition: ResourceDefinition<Widget> = {
    ...WIDGETS,
    list: () => async (request) => {
      cluster.listCalls.push(request);
      if (cluster.failNext) {
        cluster.failNext = false;
        throw new ConnectError('store down', Code.Unavailable);
      }
      const start = request.page * request.pageSize;
      return {
        rows: cluster.rows.slice(start, start + request.pageSize),
        total: cluster.rows.length,
      };
    },
    counts: {
      statuses: {
        looks: [{ value: 4, key: 'completed', icon: '', tone: 'success' }],
        label: (k) => k,
      },
      defaultGroups: [{ id: 'c', name: 'Completed', statuses: ['completed'], color: 'success' }],
      fetch: () => async (row) => {
        cluster.countCalls.push(row.id);
        return [{ status: 4, count: row.size }];
      },
      // state 3 = ended: its counts are final.
      settled: (row) => row.state === 3,
      link: () => ({ commands: ['/elsewhere'] }),
    },
  };
  return { cluster, definition };
}

async function open(definition: ResourceDefinition<Widget>, url = '/') {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([{ path: '**', children: [] }]),
      {
        provide: GRID_STORAGE,
        useValue: memoryStorage({
          'session-console.grid.widgets.preferences': JSON.stringify({
            columns: ['id', 'state', 'born'],
            customColumns: [],
            pageSize: 10,
            refreshMs: 0,
            density: 'comfortable',
          }),
        }),
      },
      provideGrid(definition),
    ],
  });
  const router = TestBed.inject(Router);
  await router.navigateByUrl(url);
  const store = TestBed.inject(GridStore) as GridStore<Widget>;
  const counts = TestBed.inject(GridCountsStore) as GridCountsStore<Widget>;
  await wait(150);
  return { router, store, counts };
}

describe('grid store', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('loads one page with one List call, always sending filters and a sort', async () => {
    const { cluster, definition } = fakeCluster([widget('a'), widget('b')]);
    const { store, router } = await open(definition);
    expect(cluster.listCalls).toHaveLength(1);
    expect(cluster.listCalls[0]).toEqual({
      page: 0,
      pageSize: 10,
      filters: { or: [] },
      sort: {
        field: { field: { case: 'taskSummaryField' as const, value: { field: 4 } } },
        direction: 2,
      },
    });
    expect(store.page().rows.map((w) => w.id)).toEqual(['a', 'b']);
    // A bare URL is rewritten to the full view, so a copied link reproduces it anywhere.
    expect(router.url).toBe('/?sort=born:desc&page=1&size=10&cols=id,state,born');
  });

  it('re-lists on refresh; a failure keeps the rows, shows the error, and later refreshes go on', async () => {
    const { cluster, definition } = fakeCluster([widget('a')]);
    const { store } = await open(definition);
    cluster.failNext = true;
    store.refresh();
    await wait(20);
    expect(store.page().error?.codeName).toBe('UNAVAILABLE');
    expect(store.page().error?.reason).toBe('store down');
    expect(store.page().rows.map((w) => w.id)).toEqual(['a']);
    cluster.rows = [widget('a'), widget('b')];
    store.refresh();
    await wait(20);
    expect(store.page().error).toBeUndefined();
    expect(store.page().rows).toHaveLength(2);
    expect(cluster.listCalls).toHaveLength(3);
  });

  it('does not re-list when only the columns change (the request is the same)', async () => {
    const { cluster, definition } = fakeCluster([widget('a')]);
    const { store, router } = await open(definition);
    store.setColumns(['state', 'id']);
    await wait(20);
    expect(router.url).toContain('cols=state,id');
    expect(cluster.listCalls).toHaveLength(1);
  });

  it('writes filters, sort and page to the URL and lists accordingly', async () => {
    const { cluster, definition } = fakeCluster(
      Array.from({ length: 30 }, (_, i) => widget(`w${i}`)),
    );
    const { store, router } = await open(definition);
    store.setFilters({
      search: 'w1',
      statuses: ['on'],
      groups: [[{ field: 'custom.team', op: 'eq', values: ['risk'] }]],
    });
    await wait(20);
    expect(router.url).toContain('f=custom.team:eq:risk');
    expect(router.url).toContain('q=w1');
    expect(cluster.listCalls.at(-1)?.filters.or[0]?.and).toHaveLength(3);
    store.toggleSort('size');
    await wait(20);
    expect(router.url).toContain('sort=size:asc');
    store.setPage(2, 10);
    await wait(20);
    expect(router.url).toContain('page=3');
    expect(cluster.listCalls.at(-1)?.page).toBe(2);
  });

  it('falls back to defaults with a notice on a hand-edited URL, and never sends the bad filter', async () => {
    const { cluster, definition } = fakeCluster([widget('a')]);
    const { store, router } = await open(
      definition,
      '/?f=size:eq:abc&sort=nope:up&page=1&size=10&cols=id',
    );
    expect(store.urlProblems()).toEqual(['filters', 'sort']);
    expect(cluster.listCalls.every((call) => call.filters.or.length === 0)).toBe(true);
    expect(router.url).toBe('/?sort=born:desc&page=1&size=10&cols=id');
  });

  describe('requests per refresh (the bar: 1 list + at most 1 count per changing visible row)', () => {
    it('counts each row once on the first load, then only rows that can still change', async () => {
      const rows = [
        ...Array.from({ length: 6 }, (_, i) => widget(`running${i}`, 1)),
        ...Array.from({ length: 4 }, (_, i) => widget(`ended${i}`, 3)),
      ];
      const { cluster, definition } = fakeCluster(rows);
      const { store } = await open(definition);
      await wait(250);
      expect(cluster.listCalls).toHaveLength(1);
      expect(cluster.countCalls).toHaveLength(10);

      cluster.countCalls = [];
      store.refresh();
      await wait(250);
      expect(cluster.listCalls).toHaveLength(2);
      expect(cluster.countCalls.sort()).toEqual(
        rows
          .filter((r) => r.state === 1)
          .map((r) => r.id)
          .sort(),
      );

      // An ended row that changes again (e.g. purged) is counted again, once.
      cluster.rows = rows.map((r) => (r.id === 'ended0' ? { ...r, state: 2 } : r));
      cluster.countCalls = [];
      store.refresh();
      await wait(250);
      expect(cluster.countCalls.filter((id) => id.startsWith('ended'))).toEqual(['ended0']);
      expect(cluster.countCalls).toHaveLength(7);
    });

    it('asks for the counts of the rows where a scroll comes to rest, not of the rows it passes', async () => {
      // A browser: rows report when they are in view (the store starts with none in view).
      const scope = globalThis as { IntersectionObserver?: unknown };
      scope.IntersectionObserver = class {};
      try {
        const rows = Array.from({ length: 10 }, (_, i) => widget(`w${i}`, 1));
        const { cluster, definition } = fakeCluster(rows);
        const { store, counts } = await open(definition);
        expect(cluster.countCalls).toEqual([]);
        // The first screen: rows 0 and 1 report, and are counted after a short wait.
        counts.setVisible('w0', true);
        counts.setVisible('w1', true);
        await wait(FIRST_ROWS_MS);
        expect(cluster.countCalls.sort()).toEqual(['w0', 'w1']);
        // A scroll passes rows 2 to 7, one every 50 ms, and rests on rows 8 and 9.
        cluster.countCalls = [];
        counts.setVisible('w0', false);
        counts.setVisible('w1', false);
        for (let i = 2; i < 8; i++) {
          counts.setVisible(`w${i}`, true);
          await wait(50);
          counts.setVisible(`w${i}`, false);
        }
        counts.setVisible('w8', true);
        counts.setVisible('w9', true);
        await wait(COUNTS_SETTLE_MS - 1);
        expect(cluster.countCalls).toEqual([]);
        await wait(1);
        expect(cluster.countCalls.sort()).toEqual(['w8', 'w9']);
        // A refresh asks again for the rows on screen at once, no settling wait.
        cluster.countCalls = [];
        store.refresh();
        await settle();
        expect(cluster.countCalls.sort()).toEqual(['w8', 'w9']);
      } finally {
        delete scope.IntersectionObserver;
      }
    });

    it('highlights a row whose counts gained errors, not one whose counts merely grew', async () => {
      const { cluster, definition } = fakeCluster([
        widget('a', 1, { size: 1 }),
        widget('b', 1, { size: 1 }),
      ]);
      const spec = defined(definition.counts, 'per-row counts');
      const withErrors: ResourceDefinition<Widget> = {
        ...definition,
        counts: {
          ...spec,
          statuses: {
            ...spec.statuses,
            looks: [...spec.statuses.looks, { value: 5, key: 'error', icon: '', tone: 'danger' }],
          },
          // `done` stands for "one task failed" here.
          fetch: () => async (row) => [
            { status: 4, count: row.size },
            { status: 5, count: row.done ? 1 : 0 },
          ],
        },
      };
      const { store, counts } = await open(withErrors);
      await wait(250);
      expect(counts.flashes().size).toBe(0);
      cluster.rows = [widget('a', 1, { size: 5 }), widget('b', 1, { size: 1, done: true })];
      store.refresh();
      await wait(250);
      expect([...counts.flashes().keys()]).toEqual(['b']);
      expect(counts.countsOf('a')).toEqual([
        { status: 4, count: 5 },
        { status: 5, count: 0 },
      ]);
    });
  });

  it('keeps the selection across a refresh and clears it when the filters change', async () => {
    const { definition } = fakeCluster([widget('a'), widget('b')]);
    const { store } = await open(definition);
    store.selection.toggle('a', defined(store.page().rows[0], 'row a'), []);
    store.refresh();
    await wait(20);
    expect([...store.selection.ids()]).toEqual(['a']);
    store.setFilters({ search: 'x', statuses: [], groups: [] });
    await wait(20);
    expect(store.selection.count()).toBe(0);
    await settle();
  });
});
