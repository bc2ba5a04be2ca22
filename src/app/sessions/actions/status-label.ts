import { type SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { lookOf } from '../../grid/status-lookup';
import { SESSION_STATUS_SET } from '../session-status-cell';

/** i18n key of a session status's label ("Running"), as the sessions grid words it. */
export function statusLabelKey(status: SessionStatus): string {
  return SESSION_STATUS_SET.label(lookOf(SESSION_STATUS_SET, status).key);
}
