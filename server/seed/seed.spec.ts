import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { Cluster } from '../store/cluster';
import { Random } from '../store/random';
import type { SessionRecord } from '../store/session-store';
import { isFinalTaskStatus } from '../store/task-store';
import { seedCluster, taskBudgets } from './seed';

const NOW = 1_800_000_000_000;

function seeded(seed: number, sessions = 120, tasks = 12_000, scenarios = true): Cluster {
  const c = new Cluster(seed, () => NOW);
  seedCluster(c, { sessions, tasks, now: NOW, scenarios });
  return c;
}

const MINUTE = 60_000;
const WAITING = [TaskStatus.PENDING, TaskStatus.SUBMITTED, TaskStatus.DISPATCHED];
const FAILED = [TaskStatus.ERROR, TaskStatus.TIMEOUT];

/** Last end time of a session's finished tasks (NaN when none finished). */
function lastEnded(c: Cluster, s: SessionRecord): number {
  let last = NaN;
  for (const r of c.sessions.taskRows.rowsOf(s.index))
    if (isFinalTaskStatus(c.tasks.status[r]!) && !(c.tasks.endedAt.get(r) <= last))
      last = c.tasks.endedAt.get(r);
  return last;
}

const count = (c: Cluster, s: SessionRecord, statuses: readonly TaskStatus[]) =>
  statuses.reduce((n, t) => n + c.sessions.taskCount(s.index, t), 0);

/** Everything observable about the data set, in a comparable form. */
function fingerprint(c: Cluster) {
  const sessions = [...c.sessions.all()].map((s) => [
    s.id,
    s.status,
    s.createdAt,
    s.partitionIds.join(','),
    c.sessions.taskRows.count(s.index),
  ]);
  const tasks = Array.from({ length: c.tasks.count }, (_, r) => [
    c.taskId(r),
    c.tasks.status[r],
    c.tasks.createdAt.get(r),
    c.tasks.endedAt.get(r),
  ]);
  const results = Array.from({ length: c.results.count }, (_, r) => [
    c.resultId(r),
    c.results.status[r],
    c.results.size.get(r),
    c.resultName(r),
  ]);
  return { sessions, tasks, results };
}

describe('seed', () => {
  const c = seeded(7);

  it('is deterministic for a seed, and differs across seeds', () => {
    expect(fingerprint(seeded(7))).toEqual(fingerprint(c));
    expect(fingerprint(seeded(8)).sessions.map((s) => s[0])).not.toEqual(
      fingerprint(c).sessions.map((s) => s[0]),
    );
  });

  it('creates the requested numbers, with every session status and mostly Running sessions', () => {
    expect([c.sessions.liveCount, c.tasks.count]).toEqual([120, 12_000]);
    const byStatus = new Map<SessionStatus, number>();
    for (const s of c.sessions.all()) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
    for (const s of [
      SessionStatus.RUNNING,
      SessionStatus.PAUSED,
      SessionStatus.CANCELLED,
      SessionStatus.CLOSED,
      SessionStatus.PURGED,
    ]) {
      expect(byStatus.get(s) ?? 0).toBeGreaterThan(0);
    }
    expect(Math.max(...byStatus.values())).toBe(byStatus.get(SessionStatus.RUNNING));
  });

  it('spreads tasks unevenly (a few huge sessions) and exactly', () => {
    const budgets = taskBudgets(new Random(1), 500, 100_000);
    expect(budgets.reduce((a, b) => a + b, 0)).toBe(100_000);
    const sorted = [...budgets].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(20 * (100_000 / 500));
  });

  it('keeps task statuses consistent with the session status', () => {
    for (const s of c.sessions.all()) {
      const statuses = Array.from(
        c.sessions.taskRows.rowsOf(s.index),
        (r) => c.tasks.status[r]! as TaskStatus,
      );
      if (s.status === SessionStatus.CANCELLED || s.status === SessionStatus.PURGED) {
        expect(statuses.filter((t) => !isFinalTaskStatus(t))).toEqual([]);
      }
      if (s.status === SessionStatus.PAUSED) {
        expect(statuses).not.toContain(TaskStatus.SUBMITTED);
        expect(statuses).not.toContain(TaskStatus.DISPATCHED);
      }
      if (s.status === SessionStatus.RUNNING) expect(statuses).not.toContain(TaskStatus.PAUSED);
      // per-session counters match the rows
      const counts = new Int32Array(14);
      statuses.forEach((t) => counts[t]!++);
      expect(Array.from(c.sessions.taskCountsOf(s.index))).toEqual(Array.from(counts));
    }
  });

  it('writes ordered timestamps, never in the future, inside the session lifetime', () => {
    const columns = [
      'createdAt',
      'submittedAt',
      'receivedAt',
      'acquiredAt',
      'fetchedAt',
      'startedAt',
      'processedAt',
      'endedAt',
    ] as const;
    const violations: number[] = [];
    for (let r = 0; r < c.tasks.count; r++) {
      const times = columns.map((col) => c.tasks[col].get(r)).filter((t) => !Number.isNaN(t));
      const ordered = times.every((t, i) => i === 0 || t >= times[i - 1]!);
      const inLifetime =
        times[0]! >= c.sessions.get(c.tasks.session[r]!)!.createdAt && Math.max(...times) <= NOW;
      if (!ordered || !inLifetime) violations.push(r);
    }
    expect(violations).toEqual([]);
  });

  it('has retries, errors with messages, and results of every kind including multi-chunk and manual-deletion ones', () => {
    const rows = Array.from({ length: c.tasks.count }, (_, r) => r);
    const retries = rows.filter((r) => c.tasks.retryOf[r]! >= 0);
    expect(retries.length).toBeGreaterThan(0);
    for (const r of retries) {
      expect(c.tasks.status[c.tasks.retryOf[r]!]).toBe(TaskStatus.RETRIED);
      const first = c.tasks.initialOf(r);
      expect(first).toBeLessThan(r);
      expect(c.tasks.retryOf[first]).toBe(-1);
    }
    const errors = rows.filter((r) => c.tasks.status[r] === TaskStatus.ERROR);
    expect(errors.length).toBeGreaterThan(0);
    errors.forEach((r) => expect(c.messages.get(c.tasks.message[r]!)).not.toBe(''));
    const results = Array.from({ length: c.results.count }, (_, r) => r);
    const statuses = new Set(results.map((r) => c.results.status[r]));
    expect([...statuses].sort()).toEqual(
      [
        ResultStatus.CREATED,
        ResultStatus.COMPLETED,
        ResultStatus.ABORTED,
        ResultStatus.DELETED,
      ].sort(),
    );
    expect(results.some((r) => c.results.size.get(r) > 81920)).toBe(true);
    expect(results.some((r) => c.results.manualDeletion[r] === 1)).toBe(true);
    // a completed task's outputs are completed and owned by it
    const done = rows.find((r) => c.tasks.status[r] === TaskStatus.COMPLETED)!;
    for (const out of c.taskOutputs(done)) {
      expect(c.results.owner[out]).toBe(done);
      expect([ResultStatus.COMPLETED, ResultStatus.DELETED]).toContain(c.results.status[out]);
    }
  });

  it('offers several applications, four partitions and custom option keys', () => {
    expect(c.options.applications().length).toBeGreaterThanOrEqual(4);
    expect([...c.partitions.keys()]).toHaveLength(4);
    const teams = new Set(
      [...c.sessions.all()].map((s) => c.options.get(s.options).options['team']),
    );
    expect([...teams].sort()).toEqual(['ops', 'pricing', 'research', 'risk']);
    expect(
      [...c.sessions.all()].every((s) => c.options.get(s.options).options['priority-class']),
    ).toBe(true);
  });

  describe('demo scenarios (what the overview shows on a still cluster)', () => {
    const big = seeded(7, 500, 40_000);
    const sessions = [...big.sessions.all()];
    const finished = (s: SessionRecord) =>
      count(big, s, [TaskStatus.COMPLETED, ...FAILED, TaskStatus.CANCELLED]);

    it('has stalled Running sessions: tasks waiting, nothing finished for over 10 minutes', () => {
      const stalled = sessions.filter(
        (s) =>
          s.status === SessionStatus.RUNNING &&
          count(big, s, WAITING) > 0 &&
          NOW - (Number.isNaN(lastEnded(big, s)) ? s.createdAt : lastEnded(big, s)) > 10 * MINUTE,
      );
      expect(stalled.length).toBeGreaterThanOrEqual(3);
    });

    it('has active sessions with a high error share', () => {
      const failing = sessions.filter(
        (s) =>
          (s.status === SessionStatus.RUNNING || s.status === SessionStatus.PAUSED) &&
          finished(s) >= 20 &&
          count(big, s, FAILED) / finished(s) >= 0.3,
      );
      expect(failing.length).toBeGreaterThanOrEqual(3);
      for (const s of failing)
        for (const r of big.sessions.taskRows.rowsOf(s.index))
          if (big.tasks.status[r] === TaskStatus.ERROR)
            expect(big.messages.get(big.tasks.message[r]!)).not.toBe('');
    });

    it('has sessions paused for hours', () => {
      const paused = sessions.filter(
        (s) => s.status === SessionStatus.PAUSED && NOW - s.createdAt > 3 * 60 * MINUTE,
      );
      expect(paused.length).toBeGreaterThanOrEqual(3);
    });

    it('leaves ids, counts and every other session as the base set has them', () => {
      const base = seeded(7, 500, 40_000, false);
      expect(fingerprint(base).sessions).toEqual(fingerprint(big).sessions);
      const changed = sessions.filter(
        (s, i) =>
          Array.from(big.sessions.taskCountsOf(s.index)).join() !==
          Array.from(base.sessions.taskCountsOf(i)).join(),
      );
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.length).toBeLessThan(sessions.length / 10);
      // a failed task's outputs were aborted, not left completed
      for (const s of changed)
        for (const r of big.sessions.taskRows.rowsOf(s.index))
          if (big.tasks.status[r] === TaskStatus.ERROR)
            for (const out of big.taskOutputs(r))
              if (big.results.owner[out] === r)
                expect(big.results.status[out]).not.toBe(ResultStatus.COMPLETED);
    });
  });
});
