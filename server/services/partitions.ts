import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import {
  GetPartitionResponseSchema,
  ListPartitionsResponseSchema,
} from '../../proto/gen/armonik/api/grpc/v1/partitions_common_pb';
import type { Partitions } from '../../proto/gen/armonik/api/grpc/v1/partitions_service_pb';
import { partitionFields } from '../filtering/fields/partition-fields';
import type { ServiceContext } from './context';
import { toPartitionRaw } from './convert/partition';
import { shownId } from '../limits';
import { runListQuery } from './list-query';

export function partitionsService({
  cluster,
  limits,
}: ServiceContext): Partial<ServiceImpl<typeof Partitions>> {
  return {
    async listPartitions(request) {
      const partitions = [...cluster.partitions.values()];
      const { rows, total } = await runListQuery({
        request,
        table: partitionFields(partitions),
        sortFields: [request.sort?.field],
        rowCount: partitions.length,
        isLive: () => true,
        limits,
      });
      return create(ListPartitionsResponseSchema, {
        partitions: rows.map((row) => toPartitionRaw(partitions[row]!)),
        page: request.page,
        pageSize: request.pageSize,
        total,
      });
    },
    getPartition(request) {
      const partition = cluster.partitions.get(request.id);
      if (!partition) {
        throw new ConnectError(
          `Partition was not found: Partition '${shownId(request.id)}' not found.`,
          Code.NotFound,
        );
      }
      return create(GetPartitionResponseSchema, { partition: toPartitionRaw(partition) });
    },
  };
}
