import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';

import { PARTITIONS_CLIENT, SESSIONS_CLIENT, TASKS_CLIENT } from '../../api/clients';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { GRID_STORAGE, memoryStorage } from '../../grid/state/storage';
import { SessionActions, SessionChanges } from '../../sessions';
import { SESSIONS_PER_REFRESH } from '../model/scan';
import { OverviewStore } from './overview.store';
import { defined } from '../../../testing/defined';
import { sessionOf } from '../../../testing/filters.spec-helper';

const NOW = 1_800_000_000_000;
const MINUTE = 60_000;
const ACTIVE = 100;
const seconds = (ms: number) => ({ seconds: BigInt(Math.floor(ms / 1000)), nanos: 0 });

/** 100 active sessions; s7 is stuck (tasks waiting, last task ended an hour ago). */
const sessions = Array.from({ length: ACTIVE }, (_, i) => ({
  sessionId: `s${i}`,
  status: SessionStatus.RUNNING,
  clientSubmission: true,
  createdAt: seconds(NOW - 120 * MINUTE),
  options: { maxDuration: seconds(300 * MINUTE) },
}));

function setup() {
  const calls = { listSessions: 0, count: 0, sessionCounts: 0, listTasks: 0, partitions: 0 };
  const flight = { now: 0, max: 0 };
  /** Each fake call stays in flight for a few turns, so concurrency can be seen. */
  const inFlight = async () => {
    flight.now++;
    flight.max = Math.max(flight.max, flight.now);
    for (let i = 0; i < 3; i++) await Promise.resolve();
    flight.now--;
  };
  const sessionsClient = {
    listSessions: async (request: { page: number; pageSize: number }) => {
      calls.listSessions++;
      await inFlight();
      if (request.pageSize === 0) return { sessions: [], total: 3 };
      const start = request.page * request.pageSize;
      return { sessions: sessions.slice(start, start + request.pageSize), total: ACTIVE };
    },
  };
  const tasksClient = {
    countTasksByStatus: async (request: never) => {
      calls.count++;
      await inFlight();
      const id = sessionOf(request);
      if (id?.startsWith('s')) calls.sessionCounts++;
      const waiting = id === 's7' ? 5 : 0;
      return {
        status: [
          { status: TaskStatus.SUBMITTED, count: waiting },
          { status: TaskStatus.COMPLETED, count: 40 },
          { status: TaskStatus.PROCESSING, count: id === 's7' ? 0 : 2 },
        ],
      };
    },
    listTasks: async (request: never) => {
      calls.listTasks++;
      await inFlight();
      const ended = sessionOf(request) === 's7' ? NOW - 60 * MINUTE : NOW - MINUTE;
      return { tasks: [{ endedAt: seconds(ended) }], total: 40 };
    },
  };
  const partitionsClient = {
    listPartitions: async () => {
      calls.partitions++;
      return { partitions: [{ id: 'default' }], total: 1 };
    },
  };
  const actions = { request: jest.fn(() => of({ ok: true, session: undefined })) };
  TestBed.configureTestingModule({
    providers: [
      OverviewStore,
      { provide: SESSIONS_CLIENT, useValue: sessionsClient },
      { provide: TASKS_CLIENT, useValue: tasksClient },
      { provide: PARTITIONS_CLIENT, useValue: partitionsClient },
      { provide: SessionActions, useValue: actions },
      { provide: GRID_STORAGE, useValue: memoryStorage() },
    ],
  });
  return { store: TestBed.inject(OverviewStore), calls, actions, flight };
}

describe('OverviewStore', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('recognises a stuck session at the first refresh, from the server’s last finished task', async () => {
    const { store } = setup();
    await jest.advanceTimersByTimeAsync(0);
    const entry = store.attention().get('s7');
    expect(entry?.reasons).toEqual([{ kind: 'stuck', facts: { waiting: 5, idleMs: 60 * MINUTE } }]);
    expect([...store.attention().keys()]).toEqual(['s7']);
    expect(store.sessions().value?.get('running')).toBe(3);
    expect(store.partitions().value?.rows.map((row) => row.id)).toEqual(['default']);
  });

  it('costs at most 1 List and 2·K calls per refresh for attention, 6 in flight, and checks every session over a cycle', async () => {
    const { store, calls, flight } = setup();
    const perRefresh: number[] = [];
    const cycle = Math.ceil(ACTIVE / SESSIONS_PER_REFRESH);
    for (let i = 0; i < cycle; i++) {
      const before = calls.sessionCounts + calls.listTasks;
      await jest.advanceTimersByTimeAsync(i === 0 ? 0 : 11_000);
      perRefresh.push(calls.sessionCounts + calls.listTasks - before);
    }
    expect(Math.max(...perRefresh)).toBeLessThanOrEqual(2 * SESSIONS_PER_REFRESH);
    // one attention List + five count-only session Lists per refresh
    expect(calls.listSessions).toBe(cycle * 6);
    expect(store.scan()).toEqual({ active: ACTIVE, checked: ACTIVE });
    // a refresh fires some 30 calls; never more than 6 at once
    expect(flight.max).toBe(6);
  });

  it('sends one-click actions through the session actions and follows the server’s answer', async () => {
    const { store, actions } = setup();
    await jest.advanceTimersByTimeAsync(0);
    store.act('pause', defined(store.attention().get('s7'), 'the entry of s7'));
    expect(actions.request).toHaveBeenCalledWith('pause', sessions[7]);
    const changes = TestBed.inject(SessionChanges);
    // Paused, an hour after its last task finished: no longer stuck, and already idle for long.
    changes.publish({
      kind: 'updated',
      session: { ...sessions[7], status: SessionStatus.PAUSED } as never,
    });
    expect(
      store
        .attention()
        .get('s7')
        ?.reasons.map((r) => r.kind),
    ).toEqual(['pausedLong']);
    // Cancelled: no longer active, it leaves the list.
    changes.publish({
      kind: 'updated',
      session: { ...sessions[7], status: SessionStatus.CANCELLED } as never,
    });
    expect(store.attention().has('s7')).toBe(false);
  });
});
