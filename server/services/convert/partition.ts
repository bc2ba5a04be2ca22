import { create } from '@bufbuild/protobuf';
import {
  type PartitionRaw,
  PartitionRawSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/partitions_common_pb';
import type { PartitionData } from '../../store/catalog';

export function toPartitionRaw(p: PartitionData): PartitionRaw {
  return create(PartitionRawSchema, {
    id: p.id,
    parentPartitionIds: [...p.parentPartitionIds],
    podReserved: BigInt(p.podReserved),
    podMax: BigInt(p.podMax),
    preemptionPercentage: BigInt(p.preemptionPercentage),
    priority: BigInt(p.priority),
    podConfiguration: { ...p.podConfiguration },
  });
}
