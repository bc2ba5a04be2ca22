import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import type { StatusLook } from '../grid/model/status-set';

/** How each session status looks: the chip's icon and tone (labels and meanings: session-status-cell.ts). */
export const SESSION_STATUSES: readonly StatusLook[] = [
  { value: SessionStatus.RUNNING, key: 'running', icon: 'play_circle', tone: 'success' },
  { value: SessionStatus.PAUSED, key: 'paused', icon: 'pause_circle', tone: 'warning' },
  { value: SessionStatus.CLOSED, key: 'closed', icon: 'lock', tone: 'info' },
  { value: SessionStatus.CANCELLED, key: 'cancelled', icon: 'cancel', tone: 'danger' },
  { value: SessionStatus.PURGED, key: 'purged', icon: 'delete_sweep', tone: 'neutral' },
  { value: SessionStatus.DELETED, key: 'deleted', icon: 'delete_forever', tone: 'neutral' },
  { value: SessionStatus.UNSPECIFIED, key: 'unspecified', icon: 'help', tone: 'neutral' },
];
