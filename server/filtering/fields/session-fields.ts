import { SessionRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import type { Cluster } from '../../store/cluster';
import { IdKind } from '../../store/ids';
import { type SessionRecord, blankSession } from '../../store/session-store';
import { type FieldSpec, FieldTable, type FieldTableDefinition } from '../field-spec';
import { perCluster } from './per-cluster';
import { genericOptionColumn, taskOptionColumns } from './task-option-fields';

/**
 * Session duration as the console shows it: the server's duration when set (closed sessions),
 * else end (first of cancelled_at / closed_at) − created_at, else now − created_at (live).
 * Sorting on DURATION uses this value; filters compare the stored field, as ArmoniK.Core does
 * (unset — not closed — never satisfies a comparison, only NOT_EQUAL).
 */
export function sessionDurationMs(s: SessionRecord, now: number): number {
  if (!Number.isNaN(s.durationMs)) return s.durationMs;
  const end = Math.min(...[s.cancelledAt, s.closedAt].filter((t) => !Number.isNaN(t)));
  return (Number.isFinite(end) ? end : now) - s.createdAt;
}

const GONE = blankSession(-1, '', {
  status: 0,
  partitionIds: [],
  options: 0,
  createdAt: NaN,
});

// A session deleted while a paced query runs reads as a blank record until the query drops it.
const recordOf =
  (cluster: Cluster) =>
  (row: number): SessionRecord =>
    cluster.sessions.get(row) ?? GONE;

/**
 * Rows are session indexes; `now` is fixed per request so live durations compare consistently.
 * Only the DURATION column depends on it: the rest of the table is built once per cluster (its
 * closures were most of what a ListSessions call allocated before reading a row).
 */
export function sessionFields(cluster: Cluster, now: number): FieldTable {
  const base = sessionDefinition(cluster);
  const raw = base.enums['sessionRawField']!;
  const at = recordOf(cluster);
  const duration: FieldSpec = {
    label: 'DURATION',
    kind: 'duration',
    get: (row) => at(row).durationMs,
    sortKey: (row) => sessionDurationMs(at(row), now),
  };
  return new FieldTable({
    ...base,
    enums: {
      ...base.enums,
      sessionRawField: {
        ...raw,
        columns: { ...raw.columns, [SessionRawEnumField.DURATION]: duration },
      },
    },
  });
}

const sessionDefinition = perCluster((cluster: Cluster): FieldTableDefinition => {
  const at = recordOf(cluster);
  const optionsOf = (row: number) => cluster.options.get(at(row).options);
  const date = (label: string, pick: (s: SessionRecord) => number) =>
    ({ label, kind: 'date', get: (row: number) => pick(at(row)) }) as const;
  const flag = (label: string, pick: (s: SessionRecord) => boolean) =>
    ({ label, kind: 'boolean', get: (row: number) => pick(at(row)) }) as const;
  const idKey = (row: number) => cluster.ids.key(IdKind.Session, row);
  return {
    resource: 'session',
    idKey,
    enums: {
      sessionRawField: {
        names: SessionRawEnumField,
        columns: {
          [SessionRawEnumField.SESSION_ID]: {
            label: 'SESSION_ID',
            kind: 'string',
            index: 'self',
            idRef: {
              rowOf: (row) => row,
              decode: (id) => cluster.ids.decode(id, IdKind.Session),
            },
            get: (row) => at(row).id,
            sortKey: idKey,
          },
          [SessionRawEnumField.STATUS]: {
            label: 'STATUS',
            kind: 'status',
            get: (row) => cluster.sessions.statusOf(row),
            countOf: (status) => cluster.sessions.countWithStatus(status),
          },
          [SessionRawEnumField.PARTITION_IDS]: {
            label: 'PARTITION_IDS',
            kind: 'array',
            get: (row) => at(row).partitionIds,
          },
          [SessionRawEnumField.OPTIONS]: {
            label: 'OPTIONS',
            kind: 'opaque',
            get: (row) => JSON.stringify(optionsOf(row)),
          },
          [SessionRawEnumField.CREATED_AT]: {
            ...date('CREATED_AT', (s) => s.createdAt),
            inRowOrder: () => cluster.sessions.rowsInCreationOrder,
          },
          [SessionRawEnumField.CANCELLED_AT]: date('CANCELLED_AT', (s) => s.cancelledAt),
          [SessionRawEnumField.CLOSED_AT]: date('CLOSED_AT', (s) => s.closedAt),
          [SessionRawEnumField.PURGED_AT]: date('PURGED_AT', (s) => s.purgedAt),
          [SessionRawEnumField.DELETED_AT]: date('DELETED_AT', (s) => s.deletedAt),
          // DURATION is added per request (sessionFields): its sort key reads `now`.
          [SessionRawEnumField.WORKER_SUBMISSION]: flag(
            'WORKER_SUBMISSION',
            (s) => s.workerSubmission,
          ),
          [SessionRawEnumField.CLIENT_SUBMISSION]: flag(
            'CLIENT_SUBMISSION',
            (s) => s.clientSubmission,
          ),
        },
      },
      taskOptionField: taskOptionColumns(optionsOf),
    },
    generic: { member: 'taskOptionGenericField', column: genericOptionColumn(optionsOf) },
  };
});
