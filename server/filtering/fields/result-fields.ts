import { ResultRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/results_fields_pb';
import { opaqueIdText } from '../../domain/result-data';
import type { Cluster } from '../../store/cluster';
import { IdKind } from '../../store/ids';
import { type FieldSpec, FieldTable } from '../field-spec';
import { perCluster } from './per-cluster';

/** Rows are result rows of the columnar store. Built once per cluster. */
export const resultFields = perCluster(buildResultFields);

function buildResultFields(cluster: Cluster): FieldTable {
  const { results, ids } = cluster;
  const idKey = (row: number) => ids.key(IdKind.Result, row);
  const taskRef = (label: string, column: () => Int32Array): FieldSpec => ({
    label,
    kind: 'string',
    idRef: {
      rowOf: (row) => column()[row]!,
      decode: (id) => ids.decode(id, IdKind.Task),
      encodeInto: (target, out) => ids.encodeInto(IdKind.Task, target, out),
    },
    get: (row) => cluster.taskId(column()[row]!),
    sortKey: (row) => {
      const task = column()[row]!;
      return task < 0 ? -1 : ids.key(IdKind.Task, task);
    },
  });
  return new FieldTable({
    resource: 'result',
    idKey,
    enums: {
      resultRawField: {
        names: ResultRawEnumField,
        columns: {
          [ResultRawEnumField.RESULT_ID]: {
            label: 'RESULT_ID',
            kind: 'string',
            index: 'self',
            idRef: {
              rowOf: (row) => row,
              decode: (id) => ids.decode(id, IdKind.Result),
              encodeInto: (target, out) => ids.encodeInto(IdKind.Result, target, out),
            },
            get: (row) => cluster.resultId(row),
            sortKey: idKey,
          },
          [ResultRawEnumField.SESSION_ID]: {
            label: 'SESSION_ID',
            kind: 'string',
            index: 'session',
            idRef: {
              rowOf: (row) => results.session[row]!,
              decode: (id) => ids.decode(id, IdKind.Session),
            },
            get: (row) => cluster.sessions.get(results.session[row]!)?.id ?? '',
            sortKey: (row) => ids.key(IdKind.Session, results.session[row]!),
          },
          [ResultRawEnumField.NAME]: {
            label: 'NAME',
            kind: 'string',
            get: (row) => cluster.resultName(row),
          },
          [ResultRawEnumField.OWNER_TASK_ID]: taskRef('OWNER_TASK_ID', () => results.owner),
          [ResultRawEnumField.CREATED_BY]: taskRef('CREATED_BY', () => results.createdBy),
          [ResultRawEnumField.STATUS]: {
            label: 'STATUS',
            kind: 'status',
            get: (row) => results.status[row]!,
          },
          [ResultRawEnumField.CREATED_AT]: {
            label: 'CREATED_AT',
            kind: 'date',
            get: (row) => results.createdAt.get(row),
          },
          [ResultRawEnumField.COMPLETED_AT]: {
            label: 'COMPLETED_AT',
            kind: 'date',
            get: (row) => results.completedAt.get(row),
          },
          [ResultRawEnumField.SIZE]: {
            label: 'SIZE',
            kind: 'number',
            get: (row) => results.size.get(row),
          },
          [ResultRawEnumField.OPAQUE_ID]: {
            label: 'OPAQUE_ID',
            kind: 'string',
            get: (row) => opaqueIdText(cluster, row),
          },
          [ResultRawEnumField.MANUAL_DELETION]: {
            label: 'MANUAL_DELETION',
            kind: 'boolean',
            get: (row) => results.manualDeletion[row] === 1,
          },
        },
      },
    },
  });
}
