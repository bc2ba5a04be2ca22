import { PartitionRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/partitions_fields_pb';
import type { PartitionData } from '../../store/catalog';
import { type FieldSpec, FieldTable } from '../field-spec';

/** Rows are indexes into the given partition list. */
export function partitionFields(partitions: readonly PartitionData[]): FieldTable {
  const number = (label: string, pick: (p: PartitionData) => number): FieldSpec => ({
    label,
    kind: 'number',
    get: (row) => pick(partitions[row]!),
  });
  return new FieldTable({
    resource: 'partition',
    idKey: (row) => partitions[row]!.id,
    enums: {
      partitionRawField: {
        names: PartitionRawEnumField,
        columns: {
          [PartitionRawEnumField.ID]: {
            label: 'ID',
            kind: 'string',
            get: (row) => partitions[row]!.id,
          },
          [PartitionRawEnumField.PARENT_PARTITION_IDS]: {
            label: 'PARENT_PARTITION_IDS',
            kind: 'array',
            get: (row) => partitions[row]!.parentPartitionIds,
          },
          [PartitionRawEnumField.POD_RESERVED]: number('POD_RESERVED', (p) => p.podReserved),
          [PartitionRawEnumField.POD_MAX]: number('POD_MAX', (p) => p.podMax),
          [PartitionRawEnumField.PREEMPTION_PERCENTAGE]: number(
            'PREEMPTION_PERCENTAGE',
            (p) => p.preemptionPercentage,
          ),
          [PartitionRawEnumField.PRIORITY]: number('PRIORITY', (p) => p.priority),
        },
      },
    },
  });
}
