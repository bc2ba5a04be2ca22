import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { transitionSession } from '../domain/session-actions';
import { seedCluster } from '../seed/seed';
import { Cluster } from '../store/cluster';
import type { ClusterEvent } from '../store/event-bus';
import { Random } from '../store/random';
import type { SessionRecord } from '../store/session-store';
import { isFinalTaskStatus } from '../store/task-store';
import { Pace } from './pace';
import { STALL_WINDOW_MS, scenarios } from './scenarios';
import { closeFinishedSession, openSession } from './session-churn';
import { createSimulation } from './simulator';
import { TaskQueues } from './task-queues';
import { Work } from './work';

const NOW = 1_800_000_000_000;

function setup() {
  const clock = { now: NOW };
  const cluster = new Cluster(3, () => clock.now);
  seedCluster(cluster, { sessions: 40, tasks: 5000, now: NOW });
  const events: ClusterEvent[] = [];
  cluster.bus.subscribeAll((e) => events.push(e));
  const queues = new TaskQueues(cluster);
  const work = new Work(cluster, queues, new Random(3, 2));
  const step = (times: number) => {
    for (let i = 0; i < times; i++) {
      clock.now += 5_000;
      work.finish(200);
      work.start(200, 400);
      work.dispatch(200, 400);
    }
  };
  return { cluster, clock, events, queues, step };
}

const statusesOf = (c: Cluster, s: SessionRecord) =>
  Array.from(c.sessions.taskRows.rowsOf(s.index), (r) => c.tasks.status[r]! as TaskStatus);

describe('simulator', () => {
  it('moves work forward in Running sessions, completing results and creating retries', () => {
    const { cluster, events, step } = setup();
    const before = cluster.taskCounts[TaskStatus.COMPLETED]!;
    step(30);
    expect(cluster.taskCounts[TaskStatus.COMPLETED]!).toBeGreaterThan(before);
    const completions = events.filter(
      (e) => e.type === 'taskStatus' && e.status === TaskStatus.COMPLETED,
    );
    expect(completions.length).toBeGreaterThan(0);
    for (const e of completions) {
      if (e.type !== 'taskStatus') continue;
      for (const r of cluster.taskOutputs(e.task)) {
        if (cluster.results.owner[r] === e.task)
          expect(cluster.results.status[r]).toBe(ResultStatus.COMPLETED);
      }
    }
    const retried = events.filter(
      (e) => e.type === 'taskStatus' && e.status === TaskStatus.RETRIED,
    );
    const newTasks = events.filter((e) => e.type === 'newTask');
    const ownerMoves = events.filter((e) => e.type === 'resultOwner');
    expect(newTasks.length).toBeGreaterThanOrEqual(retried.length);
    expect(ownerMoves.length).toBeGreaterThanOrEqual(retried.length);
  });

  it('never advances queued work of paused, cancelled or purged sessions', () => {
    const { cluster, step } = setup();
    const running = [...cluster.sessions.all()].filter(
      (s) =>
        s.status === SessionStatus.RUNNING && statusesOf(cluster, s).includes(TaskStatus.SUBMITTED),
    );
    expect(running.length).toBeGreaterThanOrEqual(2);
    const [toPause, toCancel] = running as [SessionRecord, SessionRecord];
    transitionSession(cluster, toPause.id, 'pause');
    transitionSession(cluster, toCancel.id, 'cancel');
    const paused = statusesOf(cluster, toPause);
    const cancelled = statusesOf(cluster, toCancel);
    step(40);
    const pausedAfter = statusesOf(cluster, toPause);
    paused.forEach((status, i) => {
      if (status === TaskStatus.PAUSED) expect(pausedAfter[i]).toBe(TaskStatus.PAUSED);
    });
    expect(pausedAfter).not.toContain(TaskStatus.SUBMITTED);
    expect(pausedAfter).not.toContain(TaskStatus.DISPATCHED);
    // Cancelling → Cancelled is the cancellation timer's job, not the simulator's.
    expect(statusesOf(cluster, toCancel)).toEqual(cancelled);
    cluster.dispose();
  });

  it('hands queued work out round-robin across sessions', () => {
    const { cluster, events, queues } = setup();
    const work = new Work(cluster, queues, new Random(1));
    const withWork = queues.submitted.size;
    expect(withWork).toBeGreaterThan(3);
    work.dispatch(withWork, 10_000);
    const sessions = events
      .filter((e) => e.type === 'taskStatus' && e.status === TaskStatus.DISPATCHED)
      .map((e) => e.session);
    expect(new Set(sessions).size).toBe(sessions.length);
    expect(sessions.length).toBeGreaterThan(3);
  });

  it('keeps the status counters equal to the rows', () => {
    const { cluster, step } = setup();
    step(20);
    for (const s of cluster.sessions.all()) {
      const counts = new Int32Array(14);
      statusesOf(cluster, s).forEach((t) => counts[t]!++);
      expect(Array.from(cluster.sessions.taskCountsOf(s.index))).toEqual(Array.from(counts));
    }
  });

  it('opens sessions with submitted work and closes sessions whose work is finished', () => {
    const { cluster, events, queues } = setup();
    const count = cluster.sessions.count;
    openSession(cluster, new Random(1));
    const created = cluster.sessions.get(count)!;
    expect(created.status).toBe(SessionStatus.RUNNING);
    expect(statusesOf(cluster, created).every((t) => t === TaskStatus.SUBMITTED)).toBe(true);
    expect(events.filter((e) => e.type === 'newTask' && e.session === created.index)).toHaveLength(
      cluster.sessions.taskRows.count(created.index),
    );
    expect(
      queues.submitted.get(created.index)?.has(cluster.sessions.taskRows.first(created.index)),
    ).toBe(true);

    const finished = [...cluster.sessions.all()].filter(
      (s) =>
        s.status === SessionStatus.RUNNING &&
        cluster.sessions.taskRows.count(s.index) > 0 &&
        statusesOf(cluster, s).every(isFinalTaskStatus),
    );
    closeFinishedSession(cluster, new Random(1));
    const closed = [...cluster.sessions.all()].filter(
      (s) => s.status === SessionStatus.CLOSED && s.closedAt === cluster.clock(),
    );
    expect(closed).toHaveLength(finished.length > 0 ? 1 : 0);
  });
});

describe('closing finished sessions at scale', () => {
  it('looks at a bounded window of sessions that moves on, and closes only finished ones', () => {
    const { cluster } = setup();
    const isFinished = (s: SessionRecord) =>
      s.status === SessionStatus.RUNNING &&
      cluster.sessions.taskRows.count(s.index) > 0 &&
      statusesOf(cluster, s).every(isFinalTaskStatus);
    const finished = new Set([...cluster.sessions.all()].filter(isFinished).map((s) => s.index));
    expect(finished.size).toBeGreaterThan(1);
    const statusBefore = new Map([...cluster.sessions.all()].map((s) => [s.index, s.status]));
    const total = cluster.sessions.count;
    const rng = new Random(1);
    // A window of one session: each call can only close the session it looked at.
    let from = 0;
    for (let k = 0; k < total; k++) {
      const looked = cluster.sessions.get(from)!;
      const next = closeFinishedSession(cluster, rng, from, 1);
      expect(next).toBe((from + 1) % total);
      expect(looked.status).toBe(
        finished.has(looked.index) ? SessionStatus.CLOSED : statusBefore.get(looked.index),
      );
      from = next;
    }
    expect(from).toBe(0);
    const closed = [...cluster.sessions.all()].filter(
      (s) => s.status !== statusBefore.get(s.index),
    );
    expect(closed.map((s) => s.index).sort((a, b) => a - b)).toEqual(
      [...finished].sort((a, b) => a - b),
    );
  });
});

describe('simulator pace', () => {
  it('runs the ticks a late callback missed, with the work of at most the last few', () => {
    const clock = { now: NOW };
    const pace = new Pace(() => clock.now, 1000, 3);
    clock.now += 999;
    expect(pace.due()).toEqual([]);
    clock.now += 1;
    expect(pace.due()).toEqual([{ tick: 1, work: true }]);
    clock.now += 5_000; // the event loop was busy for 5 s
    expect(pace.due()).toEqual([
      { tick: 2, work: false },
      { tick: 3, work: false },
      { tick: 4, work: true },
      { tick: 5, work: true },
      { tick: 6, work: true },
    ]);
    expect(pace.due()).toEqual([]);
  });

  it('opens the same sessions and keeps closing finished ones whether ticks come on time or late', () => {
    const run = (callbackEveryMs: number) => {
      const clock = { now: NOW };
      const cluster = new Cluster(5, () => clock.now);
      seedCluster(cluster, { sessions: 30, tasks: 2000, now: NOW });
      const simulation = createSimulation(cluster);
      for (let elapsed = 0; elapsed < 180_000; elapsed += callbackEveryMs) {
        clock.now += callbackEveryMs;
        simulation.advance();
      }
      simulation.stop();
      const sessions = [...cluster.sessions.all()];
      cluster.dispose();
      return {
        opened: sessions.slice(30).map((s) => s.id),
        closed: sessions.filter((s) => s.closedAt > NOW).length,
      };
    };
    const onTime = run(1000);
    // 3 minutes: 12 chances to open a session, each taken 80 % of the time.
    expect(onTime.opened.length).toBeGreaterThanOrEqual(4);
    const late = run(20_000);
    expect(late.opened).toEqual(onTime.opened);
    // Which sessions finish depends on the work done, which late ticks skip; closing still runs.
    expect(late.closed).toBeGreaterThan(0);
    expect(onTime.closed).toBeGreaterThan(0);
  });
});

describe('demo scenarios', () => {
  const demo = scenarios(7);

  it('varies the cluster load over minutes, within its bounds', () => {
    const loads = Array.from({ length: 120 }, (_, minute) => demo.load(NOW + minute * 60_000));
    expect(Math.min(...loads)).toBeGreaterThanOrEqual(0.25);
    expect(Math.max(...loads)).toBeLessThanOrEqual(1);
    expect(Math.max(...loads) - Math.min(...loads)).toBeGreaterThan(0.4);
  });

  it('stalls a few sessions per window, a different set each window, and fails a few often', () => {
    const window = (w: number) =>
      Array.from({ length: 600 }, (_, s) => s).filter((s) =>
        demo.stalled(s, NOW + w * STALL_WINDOW_MS),
      );
    expect(window(0).length).toBeGreaterThan(20);
    expect(window(0).length).toBeLessThan(100);
    expect(window(1)).not.toEqual(window(0));
    const prone = Array.from({ length: 600 }, (_, s) => demo.failureChance(s)).filter(
      (p) => p > 0.3,
    );
    expect(prone.length).toBeGreaterThan(20);
    expect(prone.length).toBeLessThan(120);
  });

  it('holds every task of a stalled session while others progress', () => {
    const { cluster, queues, clock } = setup();
    const stalledSession = [...queues.submitted.keys()][0]!;
    const stalls = { stalled: (s: number) => s === stalledSession, failureChance: () => 0.06 };
    const work = new Work(cluster, queues, new Random(3, 2), stalls);
    const session = cluster.sessions.get(stalledSession)!;
    const before = statusesOf(cluster, session);
    const completedBefore = cluster.taskCounts[TaskStatus.COMPLETED]!;
    for (let i = 0; i < 30; i++) {
      clock.now += 5_000;
      work.finish(200);
      work.start(200, 400);
      work.dispatch(200, 400);
    }
    expect(statusesOf(cluster, session)).toEqual(before);
    expect(cluster.taskCounts[TaskStatus.COMPLETED]!).toBeGreaterThan(completedBefore);
    cluster.dispose();
  });

  it('fails the tasks of an error-prone session far more often', () => {
    const failShare = (chance: number) => {
      const { cluster, queues, clock, events } = setup();
      const work = new Work(cluster, queues, new Random(3, 2), {
        stalled: () => false,
        failureChance: () => chance,
      });
      for (let i = 0; i < 30; i++) {
        clock.now += 5_000;
        work.finish(200);
        work.start(200, 400);
        work.dispatch(200, 400);
      }
      const ended = events.filter(
        (e) => e.type === 'taskStatus' && isFinalTaskStatus(e.status as TaskStatus),
      );
      const failed = ended.filter(
        (e) => e.type === 'taskStatus' && e.status !== TaskStatus.COMPLETED,
      );
      cluster.dispose();
      return failed.length / ended.length;
    };
    expect(failShare(0.6)).toBeGreaterThan(2 * failShare(0.06));
  });
});
