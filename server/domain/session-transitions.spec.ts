import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type TransitionAction, checkTransition } from './session-transitions';

const { RUNNING, PAUSED, CLOSED, CANCELLED, PURGED } = SessionStatus;

/** armonik-api.md's table: resulting status, or null for FAILED_PRECONDITION. */
const TABLE: Record<number, Record<TransitionAction, SessionStatus | null>> = {
  [RUNNING]: { pause: PAUSED, resume: RUNNING, cancel: CANCELLED, close: CLOSED, purge: null },
  [PAUSED]: { pause: null, resume: RUNNING, cancel: CANCELLED, close: CLOSED, purge: null },
  [CLOSED]: { pause: null, resume: null, cancel: CANCELLED, close: null, purge: PURGED },
  [CANCELLED]: { pause: null, resume: null, cancel: null, close: null, purge: PURGED },
  [PURGED]: { pause: null, resume: null, cancel: null, close: null, purge: null },
};
const NAMES: Record<number, string> = {
  [RUNNING]: 'Running',
  [PAUSED]: 'Paused',
  [CLOSED]: 'Closed',
  [CANCELLED]: 'Cancelled',
  [PURGED]: 'Purged',
};

const cases = Object.entries(TABLE).flatMap(([status, row]) =>
  Object.entries(row).map(
    ([action, next]) =>
      [NAMES[Number(status)]!, Number(status), action as TransitionAction, next] as const,
  ),
);

describe('session transition table', () => {
  it.each(cases)('%s: %s', (name, status, action, next) => {
    const check = checkTransition(action, status);
    if (next === null) {
      expect(check).toEqual({
        ok: false,
        message: `The session transition is invalid: Cannot ${action} a session with status ${name}`,
      });
    } else {
      expect(check).toEqual({ ok: true, next, changes: next !== status });
    }
  });

  it('Resume on Running is accepted without a change', () => {
    expect(checkTransition('resume', RUNNING)).toEqual({ ok: true, next: RUNNING, changes: false });
  });
});
