import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { groupCounts } from '../grid/model/counts';
import { decodeGroup } from '../grid/model/url-codec';
import { TASK_STATUSES } from '../tasks';
import { DEFAULT_TASK_GROUPS, SESSION_TASK_COUNTS, sessionCountsSettled } from './session-counts';

const counts = (entries: [TaskStatus, number][]) =>
  entries.map(([status, count]) => ({ status, count }));

describe('tasks by statuses', () => {
  it('groups by default: Completed, Running = Dispatched + Processing, Error + Timeout, Cancelled, Retried', () => {
    expect(
      groupCounts(
        counts([
          [TaskStatus.COMPLETED, 10],
          [TaskStatus.DISPATCHED, 2],
          [TaskStatus.PROCESSING, 3],
          [TaskStatus.ERROR, 1],
          [TaskStatus.TIMEOUT, 4],
          [TaskStatus.CANCELLED, 5],
          [TaskStatus.RETRIED, 6],
          [TaskStatus.SUBMITTED, 100],
        ]),
        DEFAULT_TASK_GROUPS,
        TASK_STATUSES,
      ),
    ).toEqual([10, 5, 5, 5, 6]);
  });

  it('uses task status keys the tasks grid knows', () => {
    const keys = TASK_STATUSES.looks.map((look) => look.key);
    for (const group of DEFAULT_TASK_GROUPS)
      for (const key of group.statuses) expect(keys).toContain(key);
  });

  describe('settle rule (no refetch once counts cannot change)', () => {
    it.each([SessionStatus.RUNNING, SessionStatus.PAUSED, SessionStatus.UNSPECIFIED])(
      'an active or unknown session (%s) is never settled',
      (status) => {
        expect(sessionCountsSettled({ status }, counts([[TaskStatus.COMPLETED, 3]]))).toBe(false);
      },
    );

    it.each([
      SessionStatus.CLOSED,
      SessionStatus.CANCELLED,
      SessionStatus.PURGED,
      SessionStatus.DELETED,
    ])('an ended session (%s) whose tasks are all final is settled', (status) => {
      expect(
        sessionCountsSettled(
          { status },
          counts([
            [TaskStatus.COMPLETED, 3],
            [TaskStatus.ERROR, 1],
            [TaskStatus.CANCELLED, 2],
            [TaskStatus.RETRIED, 1],
            [TaskStatus.TIMEOUT, 1],
          ]),
        ),
      ).toBe(true);
      expect(sessionCountsSettled({ status }, [])).toBe(true);
    });

    it('an ended session with tasks still moving is not settled (closed: running to completion; cancelled: cancelling)', () => {
      expect(
        sessionCountsSettled(
          { status: SessionStatus.CLOSED },
          counts([[TaskStatus.PROCESSING, 1]]),
        ),
      ).toBe(false);
      expect(
        sessionCountsSettled(
          { status: SessionStatus.CANCELLED },
          counts([[TaskStatus.CANCELLING, 2]]),
        ),
      ).toBe(false);
      expect(
        sessionCountsSettled(
          { status: SessionStatus.CLOSED },
          counts([[TaskStatus.PROCESSING, 0]]),
        ),
      ).toBe(true);
    });
  });

  it('links each number to the tasks grid filtered on the session and the group’s statuses', () => {
    const target = SESSION_TASK_COUNTS.link({ sessionId: 'abc' } as never, [
      'dispatched',
      'processing',
    ]);
    expect(target.commands).toEqual(['/tasks']);
    expect(decodeGroup(target.queryParams?.['f'] as string)).toEqual([
      { field: 'sessionId', op: 'eq', values: ['abc'] },
      { field: 'status', op: 'eq', values: ['dispatched', 'processing'] },
    ]);
  });
});
