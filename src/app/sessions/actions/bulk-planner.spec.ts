import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type BulkTarget, bulkOffer, planBulk } from './bulk-planner';

const everything = () => true;
let next = 0;
function target(status: SessionStatus, flags = true): BulkTarget {
  next += 1;
  return {
    sessionId: `s${next}`,
    status,
    clientSubmission: flags,
    workerSubmission: flags,
  };
}

describe('bulk planner', () => {
  it('sends Close to running and paused sessions and skips the others, grouped by status', () => {
    const selection = [
      target(SessionStatus.RUNNING),
      target(SessionStatus.PAUSED),
      target(SessionStatus.CANCELLED),
      target(SessionStatus.CANCELLED),
      target(SessionStatus.PURGED),
      target(SessionStatus.RUNNING),
    ] as const;
    const plan = planBulk('close', selection, everything);
    expect(plan.affected.map((t) => t.sessionId)).toEqual([
      selection[0].sessionId,
      selection[1].sessionId,
      selection[5].sessionId,
    ]);
    expect(plan.skipped.map((s) => s.target.sessionId)).toEqual([
      selection[2].sessionId,
      selection[3].sessionId,
      selection[4].sessionId,
    ]);
    expect(plan.skipGroups).toEqual([
      { reason: 'status', status: SessionStatus.CANCELLED, count: 2 },
      { reason: 'status', status: SessionStatus.PURGED, count: 1 },
    ]);
  });

  it('skips Stop submission where both submissions are already stopped', () => {
    const plan = planBulk(
      'stopSubmission',
      [target(SessionStatus.RUNNING, false), target(SessionStatus.RUNNING)],
      everything,
    );
    expect(plan.affected).toHaveLength(1);
    expect(plan.skipGroups).toEqual([{ reason: 'submissionStopped', count: 1 }]);
  });

  it('skips everything when the user lacks the permission', () => {
    const plan = planBulk('delete', [target(SessionStatus.RUNNING)], () => false);
    expect(plan.affected).toHaveLength(0);
    expect(plan.skipGroups).toEqual([{ reason: 'permission', count: 1 }]);
  });

  it('counts a session selected twice once', () => {
    const one = target(SessionStatus.RUNNING);
    expect(planBulk('pause', [one, one], everything).affected).toHaveLength(1);
  });

  it('affected + skipped always equals the distinct selection', () => {
    const statuses = [
      SessionStatus.RUNNING,
      SessionStatus.PAUSED,
      SessionStatus.CLOSED,
      SessionStatus.CANCELLED,
      SessionStatus.PURGED,
      SessionStatus.DELETED,
      SessionStatus.UNSPECIFIED,
    ];
    const selection = statuses.flatMap((s) => [target(s), target(s, false)]);
    for (const action of [
      'pause',
      'resume',
      'cancel',
      'close',
      'purge',
      'stopSubmission',
      'delete',
    ] as const) {
      const plan = planBulk(action, selection, everything);
      expect(plan.affected.length + plan.skipped.length).toBe(selection.length);
      expect(plan.skipGroups.reduce((sum, g) => sum + g.count, 0)).toBe(plan.skipped.length);
    }
  });

  it('offers each action allowed for at least one selected session, in menu order', () => {
    expect(
      bulkOffer([target(SessionStatus.CANCELLED), target(SessionStatus.PAUSED)], everything),
    ).toEqual(['resume', 'cancel', 'close', 'purge', 'stopSubmission', 'delete']);
    expect(bulkOffer([target(SessionStatus.DELETED)], everything)).toEqual([]);
    expect(bulkOffer([target(SessionStatus.RUNNING)], () => false)).toEqual([]);
  });
});
