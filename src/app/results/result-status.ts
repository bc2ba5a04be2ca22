import type { StatusLook, StatusSet } from '../grid/model/definition';
import { ResultStatus } from '../../../proto/gen/armonik/api/grpc/v1/result_status_pb';

/** How each result status looks (chip icon and tone) and its URL/i18n token. */
export const RESULT_STATUS_LOOKS: readonly StatusLook[] = [
  { value: ResultStatus.CREATED, key: 'created', icon: 'hourglass_empty', tone: 'info' },
  { value: ResultStatus.COMPLETED, key: 'completed', icon: 'check_circle', tone: 'success' },
  { value: ResultStatus.ABORTED, key: 'aborted', icon: 'cancel', tone: 'danger' },
  { value: ResultStatus.DELETED, key: 'deleted', icon: 'delete_sweep', tone: 'neutral' },
  { value: ResultStatus.NOTFOUND, key: 'notfound', icon: 'help_center', tone: 'neutral' },
  { value: ResultStatus.UNSPECIFIED, key: 'unspecified', icon: 'help', tone: 'neutral' },
];

export const RESULT_STATUSES = {
  looks: RESULT_STATUS_LOOKS,
  label: (key: string) => `results.status.${key}`,
  meaning: (key: string) => `results.statusMeaning.${key}`,
} satisfies StatusSet;
