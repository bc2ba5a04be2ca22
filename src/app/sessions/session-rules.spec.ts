import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import {
  ACTION_PERMISSION,
  SESSION_ACTIONS,
  type SessionAction,
  allowedActions,
  isActionAllowed,
  isActive,
  refusalOf,
} from './session-rules';

const everything = () => true;
const nothing = () => false;
const flagsOn = { clientSubmission: true, workerSubmission: true };

// The status → actions table of PRODUCT.md, written out independently of the module under test.
const EXPECTED: Record<keyof typeof SessionStatus, SessionAction[]> = {
  RUNNING: ['pause', 'cancel', 'close', 'stopSubmission', 'delete'],
  PAUSED: ['resume', 'cancel', 'close', 'stopSubmission', 'delete'],
  CANCELLED: ['purge', 'delete'],
  CLOSED: ['cancel', 'purge', 'delete'],
  PURGED: ['delete'],
  DELETED: [],
  UNSPECIFIED: [],
};

describe('session rule table', () => {
  const statuses = Object.keys(EXPECTED) as (keyof typeof SessionStatus)[];

  describe.each(statuses)('%s', (name) => {
    const status = SessionStatus[name];
    it.each(SESSION_ACTIONS)(
      '%s follows the product table for a user with every permission',
      (action) => {
        expect(isActionAllowed(action, { status, ...flagsOn }, everything)).toBe(
          EXPECTED[name].includes(action),
        );
      },
    );

    it.each(SESSION_ACTIONS)('%s is never offered to a user without its permission', (action) => {
      expect(isActionAllowed(action, { status, ...flagsOn }, nothing)).toBe(false);
    });

    it.each(SESSION_ACTIONS)('%s needs exactly its own permission', (action) => {
      const onlyThis = (permission: string) => permission === ACTION_PERMISSION[action];
      const others = (permission: string) => permission !== ACTION_PERMISSION[action];
      expect(isActionAllowed(action, { status, ...flagsOn }, onlyThis)).toBe(
        EXPECTED[name].includes(action),
      );
      expect(isActionAllowed(action, { status, ...flagsOn }, others)).toBe(false);
    });
  });

  it('offers Stop submission only while a submission flag is still on', () => {
    const running = SessionStatus.RUNNING;
    expect(
      isActionAllowed(
        'stopSubmission',
        { status: running, clientSubmission: false, workerSubmission: false },
        everything,
      ),
    ).toBe(false);
    expect(
      isActionAllowed(
        'stopSubmission',
        { status: running, clientSubmission: false, workerSubmission: true },
        everything,
      ),
    ).toBe(true);
    expect(
      isActionAllowed(
        'stopSubmission',
        { status: running, clientSubmission: true, workerSubmission: false },
        everything,
      ),
    ).toBe(true);
  });

  it('lists actions in menu order', () => {
    expect(allowedActions({ status: SessionStatus.PAUSED, ...flagsOn }, everything)).toEqual(
      EXPECTED['PAUSED'],
    );
  });

  it('calls Running and Paused sessions active, every other status finished', () => {
    expect(statuses.filter((name) => isActive(SessionStatus[name]))).toEqual(['RUNNING', 'PAUSED']);
  });
});

describe('refusal reasons', () => {
  it('names the status first, then stopped submission, then the missing permission', () => {
    const stopped = { clientSubmission: false, workerSubmission: false };
    expect(refusalOf('purge', { status: SessionStatus.RUNNING, ...flagsOn }, nothing)).toBe(
      'status',
    );
    expect(
      refusalOf('stopSubmission', { status: SessionStatus.RUNNING, ...stopped }, nothing),
    ).toBe('submissionStopped');
    expect(refusalOf('pause', { status: SessionStatus.RUNNING, ...flagsOn }, nothing)).toBe(
      'permission',
    );
    expect(
      refusalOf('pause', { status: SessionStatus.RUNNING, ...flagsOn }, everything),
    ).toBeUndefined();
  });
});
