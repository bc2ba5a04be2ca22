import { SESSIONS_CLIENT } from '../api/clients/sessions.client';
import type { SessionRaw } from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionRawEnumField as F } from '../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { columnKit, pageOf } from '../grid/column-kit';
import type { ColumnDef, ResourceDefinition } from '../grid/model/definition';
import { gridLink } from '../grid/grid-link';
import { listVia } from '../grid/list-request';
import { optionEntries, taskOptionColumns, taskOptionCustom } from '../tasks';
import { SESSION_TASK_COUNTS } from './session-counts';
import { sessionDuration } from './session-duration';
import { SESSION_STATUS_SET, SessionStatusCell } from './session-status-cell';

const raw = columnKit<SessionRaw>('sessionRawField', 'raw', 'sessions.columns');
const options = (session: SessionRaw) => session.options;

/** The partitions grid filtered on one partition id (its `id` column). */
const partitionsGrid = (id: string) =>
  gridLink('/partitions', [{ field: 'id', op: 'eq', values: [id] }]);

/**
 * The task-option columns (shared with the tasks grid), in the source grid's order and under the
 * sessions' own header words. The whole-options object is the session's own "Options" column.
 */
const OPTION_ORDER = [
  'customData',
  'applicationName',
  'applicationNamespace',
  'applicationService',
  'applicationVersion',
  'engineType',
  'maxDuration',
  'maxRetries',
  'partitionId',
  'priority',
];
const optionColumns: ColumnDef<SessionRaw>[] = taskOptionColumns<SessionRaw>(options)
  .filter((column) => OPTION_ORDER.includes(column.key))
  .sort((a, b) => OPTION_ORDER.indexOf(a.key) - OPTION_ORDER.indexOf(b.key))
  .map((column) => ({ ...column, label: `sessions.columns.${column.key}` }));

/**
 * The sessions grid: ArmoniK Admin GUI's 23 columns (with its sortable/filterable flags, and
 * more where the API allows), custom columns on `options.options`, per-row task counts.
 */
export const SESSIONS: ResourceDefinition<SessionRaw> = {
  id: 'sessions',
  labels: {
    title: 'sessions.title',
    selectRow: 'sessions.selectRow',
    selectPage: 'sessions.selectPage',
    rowActions: 'sessions.rowActions',
    emptyFiltered: 'sessions.emptyFiltered',
    empty: 'sessions.empty',
    loadError: 'sessions.loadError',
    count: 'sessions.count',
    origins: {
      raw: 'sessions.origins.raw',
      computed: 'sessions.origins.computed',
      options: 'sessions.origins.options',
      custom: 'sessions.origins.custom',
    },
  },
  rowId: (session) => session.sessionId,
  // Status and submission flags: what a refresh can change on a session row.
  changeKey: (s) => `${s.status}|${s.clientSubmission ? 1 : 0}${s.workerSubmission ? 1 : 0}`,
  columns: [
    raw.link('sessionId', F.SESSION_ID, (s) => s.sessionId, pageOf('/sessions')),
    raw.status('status', F.STATUS, (s) => s.status, SESSION_STATUS_SET),
    raw.date('cancelledAt', F.CANCELLED_AT, (s) => s.cancelledAt),
    raw.date('createdAt', F.CREATED_AT, (s) => s.createdAt),
    raw.date('deletedAt', F.DELETED_AT, (s) => s.deletedAt),
    raw.date('purgedAt', F.PURGED_AT, (s) => s.purgedAt),
    raw.date('closedAt', F.CLOSED_AT, (s) => s.closedAt),
    raw.object('options', (s, locale) => optionEntries(s.options, locale)),
    raw.boolean('workerSubmission', F.WORKER_SUBMISSION, (s) => s.workerSubmission),
    raw.boolean('clientSubmission', F.CLIENT_SUBMISSION, (s) => s.clientSubmission),
    {
      // Computed in the browser (live for active sessions); sorted and filtered by the server
      // on its stored duration.
      ...raw.duration('duration', F.DURATION, (s) => s.duration),
      origin: 'computed',
      ticks: true,
      filterHint: 'sessions.durationFilterHint',
      value: (s, now) => sessionDuration(s, now),
    },
    raw.array('partitionIds', F.PARTITION_IDS, (s) => s.partitionIds, partitionsGrid, {
      sortable: false,
    }),
    {
      key: 'counts',
      label: 'sessions.columns.counts',
      kind: 'counts',
      origin: 'computed',
      value: () => undefined,
    },
    ...optionColumns,
  ],
  defaultColumns: ['sessionId', 'status', 'createdAt', 'duration', 'counts'],
  defaultSort: { column: 'createdAt', direction: 'desc' },
  list: listVia(SESSIONS_CLIENT, 'listSessions', 'sessions', { withTaskOptions: true }),
  custom: taskOptionCustom(options),
  counts: SESSION_TASK_COUNTS,
  quick: {
    search: { column: 'sessionId', label: 'sessions.search' },
    status: {
      column: 'status',
      label: 'sessions.quickStatus',
      keys: ['running', 'paused', 'closed', 'cancelled', 'purged'],
      presets: [
        { label: 'sessions.activeOnly', keys: ['running', 'paused'] },
        // Finished: any status other than Running or Paused.
        { label: 'sessions.finishedOnly', keys: ['closed', 'cancelled', 'purged'] },
      ],
    },
  },
  renderers: { status: SessionStatusCell },
  pinned: ['sessionId', 'status'],
};
