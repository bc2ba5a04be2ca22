import { Code, ConnectError } from '@connectrpc/connect';
import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { seedCluster } from '../seed/seed';
import { Cluster } from '../store/cluster';
import type { ClusterEvent } from '../store/event-bus';
import type { SessionRecord } from '../store/session-store';
import { isFinalTaskStatus } from '../store/task-store';
import { deleteSession, stopSubmission, transitionSession } from './session-actions';
import { CANCELLING_DELAY_MS } from './task-actions';

const NOW = 1_800_000_000_000;

function cluster(): { c: Cluster; events: ClusterEvent[]; clock: { now: number } } {
  const clock = { now: NOW };
  const c = new Cluster(42, () => clock.now);
  seedCluster(c, { sessions: 40, tasks: 4000, now: NOW });
  const events: ClusterEvent[] = [];
  c.bus.subscribeAll((e) => events.push(e));
  return { c, events, clock };
}

const statuses = (c: Cluster, s: SessionRecord) =>
  Array.from(c.sessions.taskRows.rowsOf(s.index), (row) => c.tasks.status[row]! as TaskStatus);
const resultStatuses = (c: Cluster, s: SessionRecord) =>
  Array.from(c.sessions.resultRows.rowsOf(s.index), (row) => c.results.status[row]!);
const count = <T>(list: T[], value: T) => list.filter((x) => x === value).length;

function runningWith(c: Cluster, wanted: (tasks: TaskStatus[]) => boolean): SessionRecord {
  const s = [...c.sessions.all()].find(
    (x) => x.status === SessionStatus.RUNNING && wanted(statuses(c, x)),
  );
  if (!s) throw new Error('seed has no suitable Running session');
  return s;
}

function expectConnectError(fn: () => unknown, code: Code, message: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectError);
    expect({ code: (e as ConnectError).code, message: (e as ConnectError).rawMessage }).toEqual({
      code,
      message,
    });
    return;
  }
  throw new Error('expected an error');
}

describe('lifecycle effects', () => {
  it('Pause holds Submitted and Dispatched tasks (Processing keeps running); Resume re-queues them', () => {
    const { c, events } = cluster();
    const s = runningWith(
      c,
      (t) => t.includes(TaskStatus.SUBMITTED) && t.includes(TaskStatus.DISPATCHED),
    );
    const before = statuses(c, s);
    const queued = count(before, TaskStatus.SUBMITTED) + count(before, TaskStatus.DISPATCHED);
    transitionSession(c, s.id, 'pause');
    const paused = statuses(c, s);
    expect(s.status).toBe(SessionStatus.PAUSED);
    expect(count(paused, TaskStatus.PAUSED)).toBe(count(before, TaskStatus.PAUSED) + queued);
    expect(count(paused, TaskStatus.PROCESSING)).toBe(count(before, TaskStatus.PROCESSING));
    expect(
      events.filter((e) => e.type === 'taskStatus' && e.status === TaskStatus.PAUSED),
    ).toHaveLength(queued);
    expect(c.sessions.taskCount(s.index, TaskStatus.PAUSED)).toBe(count(paused, TaskStatus.PAUSED));

    transitionSession(c, s.id, 'resume');
    const resumed = statuses(c, s);
    expect(s.status).toBe(SessionStatus.RUNNING);
    expect(count(resumed, TaskStatus.PAUSED)).toBe(0);
    expect(count(resumed, TaskStatus.SUBMITTED)).toBe(count(paused, TaskStatus.PAUSED));
  });

  it('Cancel: flags off, cancelled_at set, unfinished tasks Cancelling then Cancelled, Created results Aborted', () => {
    jest.useFakeTimers();
    try {
      const { c, clock } = cluster();
      const s = runningWith(c, (t) => t.some((x) => !isFinalTaskStatus(x)));
      const before = statuses(c, s);
      const finished = before.filter(isFinalTaskStatus).length;
      clock.now = NOW + 5000;
      transitionSession(c, s.id, 'cancel');
      expect([s.status, s.cancelledAt, s.clientSubmission, s.workerSubmission]).toEqual([
        SessionStatus.CANCELLED,
        NOW + 5000,
        false,
        false,
      ]);
      expect(Number.isNaN(s.durationMs)).toBe(true); // Core leaves duration empty on cancel
      const after = statuses(c, s);
      expect(count(after, TaskStatus.CANCELLING)).toBe(before.length - finished);
      expect(resultStatuses(c, s)).not.toContain(ResultStatus.CREATED);
      jest.advanceTimersByTime(CANCELLING_DELAY_MS + 1);
      const later = statuses(c, s);
      expect(count(later, TaskStatus.CANCELLING)).toBe(0);
      expect(later.filter(isFinalTaskStatus)).toHaveLength(before.length);
    } finally {
      jest.useRealTimers();
    }
  });

  it('Close sets closed_at and duration, clears the flags and leaves tasks running', () => {
    const { c, clock } = cluster();
    const s = runningWith(c, (t) => t.includes(TaskStatus.SUBMITTED));
    const before = statuses(c, s);
    clock.now = NOW + 60_000;
    transitionSession(c, s.id, 'close');
    expect([s.status, s.closedAt, s.durationMs]).toEqual([
      SessionStatus.CLOSED,
      NOW + 60_000,
      NOW + 60_000 - s.createdAt,
    ]);
    expect([s.clientSubmission, s.workerSubmission]).toEqual([false, false]);
    expect(statuses(c, s)).toEqual(before);
  });

  it('Purge is refused before touching data, then deletes every result not marked manual_deletion', () => {
    const { c } = cluster();
    const s = runningWith(c, () => true);
    const before = resultStatuses(c, s);
    expectConnectError(
      () => transitionSession(c, s.id, 'purge'),
      Code.FailedPrecondition,
      'The session transition is invalid: Cannot purge a session with status Running',
    );
    expect(resultStatuses(c, s)).toEqual(before);
    transitionSession(c, s.id, 'close');
    transitionSession(c, s.id, 'purge');
    expect(s.status).toBe(SessionStatus.PURGED);
    Array.from(c.sessions.resultRows.rowsOf(s.index)).forEach((row, i) => {
      expect(c.results.status[row]).toBe(
        c.results.manualDeletion[row] ? before[i] : ResultStatus.DELETED,
      );
    });
  });

  it('Delete answers Deleted, then the session, its tasks and results are gone; deleting again is OK', () => {
    const { c, clock } = cluster();
    const s = runningWith(c, (t) => t.length > 0);
    const taskRow = c.sessions.taskRows.first(s.index);
    const resultRow = c.sessions.resultRows.first(s.index);
    const taskRows = c.sessions.taskRows.count(s.index);
    const total = Array.from(c.taskCounts).reduce((a, b) => a + b, 0);
    clock.now = NOW + 1;
    const reply = deleteSession(c, s.id);
    expect([reply.id, reply.status, reply.deletedAt]).toEqual([
      s.id,
      SessionStatus.DELETED,
      NOW + 1,
    ]);
    expect(c.findSession(s.id)).toBeUndefined();
    expect(c.findTask(c.taskId(taskRow))).toBeUndefined();
    expect(c.findResult(c.resultId(resultRow))).toBeUndefined();
    expect(Array.from(c.taskCounts).reduce((a, b) => a + b, 0)).toBe(total - taskRows);
    const again = deleteSession(c, s.id);
    expect([
      again.status,
      again.clientSubmission,
      again.workerSubmission,
      again.partitionIds,
    ]).toEqual([SessionStatus.DELETED, true, true, []]);
  });

  it('unknown ids are NOT_FOUND with Core wording', () => {
    const { c } = cluster();
    for (const action of ['pause', 'resume', 'cancel', 'close', 'purge'] as const) {
      expectConnectError(
        () => transitionSession(c, 'nope', action),
        Code.NotFound,
        'Session was not found: Session nope not found.',
      );
    }
    expectConnectError(
      () => stopSubmission(c, 'nope', true, false),
      Code.NotFound,
      'Session was not found: Session nope not found.',
    );
  });

  it('StopSubmission clears only the requested flags, whatever the status', () => {
    const { c } = cluster();
    const s = [...c.sessions.all()].find(
      (x) => x.status === SessionStatus.RUNNING && x.clientSubmission,
    )!;
    stopSubmission(c, s.id, false, true);
    expect([s.clientSubmission, s.workerSubmission]).toEqual([true, false]);
    stopSubmission(c, s.id, true, false);
    expect([s.clientSubmission, s.workerSubmission]).toEqual([false, false]);
  });
});
