import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { allowedActions } from '../session-rules';
import { shortcutAction, shortcutRequest } from './shortcuts';

const flags = { clientSubmission: true, workerSubmission: true };
const offered = (status: SessionStatus) => allowedActions({ status, ...flags }, () => true);

describe('keyboard shortcuts', () => {
  it('map to an action only when the rule table offers it', () => {
    expect(shortcutAction('p', offered(SessionStatus.RUNNING))).toBe('pause');
    expect(shortcutAction('p', offered(SessionStatus.PAUSED))).toBe('resume');
    expect(shortcutAction('p', offered(SessionStatus.CLOSED))).toBeUndefined();
    expect(shortcutAction('u', offered(SessionStatus.RUNNING))).toBeUndefined();
    expect(shortcutAction('u', offered(SessionStatus.CLOSED))).toBe('purge');
    expect(shortcutAction('Delete', offered(SessionStatus.DELETED))).toBeUndefined();
    expect(shortcutAction('x', offered(SessionStatus.RUNNING))).toBeUndefined();
  });

  it('say why a key does nothing: the status, or the permission the user lacks', () => {
    const running = { status: SessionStatus.RUNNING, ...flags };
    const closed = { status: SessionStatus.CLOSED, ...flags };
    const everything = () => true;
    const readOnly = () => false;
    expect(shortcutRequest('p', running, everything)).toEqual({ action: 'pause' });
    expect(shortcutRequest('p', closed, everything)).toEqual({
      action: 'pause',
      refusal: 'status',
    });
    expect(shortcutRequest('c', running, readOnly)).toEqual({
      action: 'cancel',
      refusal: 'permission',
    });
    expect(shortcutRequest('x', running, everything)).toBeUndefined();
  });
});
