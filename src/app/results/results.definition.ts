import { RESULTS_CLIENT } from '../api/clients';
import type { ResultRaw } from '../../../proto/gen/armonik/api/grpc/v1/results_common_pb';
import { ResultRawEnumField as F } from '../../../proto/gen/armonik/api/grpc/v1/results_fields_pb';
import { columnKit, pageOf } from '../grid/column-kit';
import type { ResourceDefinition } from '../grid/model/definition';
import { listVia } from '../grid/list-request';
import { opaqueIdText } from './opaque-id';
import { RESULT_STATUSES } from './result-status';

const raw = columnKit<ResultRaw>('resultRawField', 'raw', 'results.columns');
const toTask = pageOf('/tasks');

/** The results grid: every `ResultRaw` field. */
export const RESULTS: ResourceDefinition<ResultRaw> = {
  id: 'results',
  labels: {
    title: 'results.title',
    selectRow: 'results.selectRow',
    selectPage: 'results.selectPage',
    rowActions: 'results.rowActions',
    emptyFiltered: 'results.emptyFiltered',
    empty: 'results.empty',
    loadError: 'results.loadError',
    count: 'results.count',
    origins: { raw: 'results.origins.raw' },
  },
  rowId: (result) => result.resultId,
  changeKey: (result) => `${result.status}:${result.size}`,
  columns: [
    raw.link('resultId', F.RESULT_ID, (r) => r.resultId, pageOf('/results')),
    raw.string('name', F.NAME, (r) => r.name),
    raw.link('sessionId', F.SESSION_ID, (r) => r.sessionId, pageOf('/sessions')),
    raw.link('ownerTaskId', F.OWNER_TASK_ID, (r) => r.ownerTaskId, toTask),
    raw.status('status', F.STATUS, (r) => r.status, RESULT_STATUSES),
    raw.bytes('size', F.SIZE, (r) => r.size),
    raw.date('createdAt', F.CREATED_AT, (r) => r.createdAt),
    raw.date('completedAt', F.COMPLETED_AT, (r) => r.completedAt),
    raw.link('createdBy', F.CREATED_BY, (r) => r.createdBy, toTask),
    // The API has no boolean filter for results, and an opaque id is bytes: sort only.
    raw.boolean('manualDeletion', F.MANUAL_DELETION, (r) => r.manualDeletion, {
      filter: undefined,
    }),
    raw.string('opaqueId', F.OPAQUE_ID, (r) => opaqueIdText(r.opaqueId), { filter: undefined }),
  ],
  defaultColumns: ['resultId', 'name', 'sessionId', 'ownerTaskId', 'status', 'size', 'completedAt'],
  defaultSort: { column: 'createdAt', direction: 'desc' },
  list: listVia(RESULTS_CLIENT, 'listResults', 'results'),
  quick: {
    search: { column: 'name', label: 'results.search' },
    status: {
      column: 'status',
      label: 'results.quickStatus',
      keys: ['created', 'completed', 'aborted', 'deleted'],
    },
  },
  pinned: ['resultId', 'status'],
};
