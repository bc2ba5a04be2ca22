import { create } from '@bufbuild/protobuf';
import {
  type ResultRaw,
  ResultRawSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/results_common_pb';
import { opaqueIdText } from '../../domain/result-data';
import { toTimestamp } from '../../proto-time';
import type { Cluster } from '../../store/cluster';

const utf8 = new TextEncoder();

export function toResultRaw(cluster: Cluster, row: number): ResultRaw {
  const { results } = cluster;
  return create(ResultRawSchema, {
    resultId: cluster.resultId(row),
    sessionId: cluster.sessions.get(results.session[row]!)?.id ?? '',
    name: cluster.resultName(row),
    ownerTaskId: cluster.taskId(results.owner[row]!),
    createdBy: cluster.taskId(results.createdBy[row]!),
    status: results.statusAt(row),
    createdAt: toTimestamp(results.createdAt.get(row)),
    completedAt: toTimestamp(results.completedAt.get(row)),
    size: BigInt(results.size.get(row)),
    opaqueId: utf8.encode(opaqueIdText(cluster, row)),
    manualDeletion: results.manualDeletion[row] === 1,
  });
}
