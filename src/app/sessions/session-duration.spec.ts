import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { sessionDuration } from './session-duration';

const at = (seconds: number) => ({ seconds: BigInt(seconds), nanos: 0 });
const NOW = 10_000_000;

describe('session duration', () => {
  it('is the server’s duration when it has one (closed sessions)', () => {
    expect(
      sessionDuration(
        {
          status: SessionStatus.CLOSED,
          createdAt: at(100),
          closedAt: at(400),
          duration: { seconds: 250n, nanos: 500_000_000 },
        },
        NOW,
      ),
    ).toBe(250_500);
  });

  it('is now − created for running and paused sessions, and moves with the clock', () => {
    for (const status of [SessionStatus.RUNNING, SessionStatus.PAUSED]) {
      expect(sessionDuration({ status, createdAt: at(9_000) }, NOW)).toBe(1_000_000);
      expect(sessionDuration({ status, createdAt: at(9_000) }, NOW + 1000)).toBe(1_001_000);
    }
  });

  it('is end − created otherwise, the end being the first of cancelled/closed/purged/deleted', () => {
    expect(
      sessionDuration(
        { status: SessionStatus.CANCELLED, createdAt: at(100), cancelledAt: at(160) },
        NOW,
      ),
    ).toBe(60_000);
    expect(
      sessionDuration(
        {
          status: SessionStatus.PURGED,
          createdAt: at(100),
          cancelledAt: at(300),
          purgedAt: at(900),
        },
        NOW,
      ),
    ).toBe(200_000);
    expect(
      sessionDuration(
        { status: SessionStatus.DELETED, createdAt: at(100), deletedAt: at(130) },
        NOW,
      ),
    ).toBe(30_000);
    expect(
      sessionDuration({ status: SessionStatus.CLOSED, createdAt: at(100), closedAt: at(110) }, NOW),
    ).toBe(10_000);
  });

  it('does not tick for an ended session', () => {
    const cancelled = { status: SessionStatus.CANCELLED, createdAt: at(100), cancelledAt: at(160) };
    expect(sessionDuration(cancelled, NOW)).toBe(sessionDuration(cancelled, NOW * 2));
  });

  it('is unknown without the timestamps it needs', () => {
    expect(sessionDuration({ status: SessionStatus.RUNNING }, NOW)).toBeUndefined();
    expect(
      sessionDuration({ status: SessionStatus.CANCELLED, createdAt: at(1) }, NOW),
    ).toBeUndefined();
  });

  it('never goes negative (clock skew between browser and cluster)', () => {
    expect(sessionDuration({ status: SessionStatus.RUNNING, createdAt: at(20_000) }, NOW)).toBe(0);
  });
});
