import { PARTITIONS_CLIENT } from '../api/clients';
import type { PartitionRaw } from '../../../proto/gen/armonik/api/grpc/v1/partitions_common_pb';
import { PartitionRawEnumField as F } from '../../../proto/gen/armonik/api/grpc/v1/partitions_fields_pb';
import { columnKit, mapEntries, pageOf } from '../grid/column-kit';
import { contains, equals, gridLink } from '../grid/grid-link';
import type { LinkTarget, ResourceDefinition } from '../grid/model/definition';
import { listVia } from '../grid/list-request';
import { tasksByStatus, tasksLink } from '../tasks';

const raw = columnKit<PartitionRaw>('partitionRawField', 'raw', 'partitions.columns');
const toPartition = pageOf('/partitions');

/** The tasks of a partition, as conditions on the tasks grid. */
export const partitionTasks = (partition: Pick<PartitionRaw, 'id'>) =>
  equals('partitionId', partition.id);

/** The sessions that may submit to a partition, and the tasks that run on it. */
export function partitionLinks(id: string): { sessions: LinkTarget; tasks: LinkTarget } {
  return {
    sessions: gridLink('/sessions', contains('partitionIds', id)),
    tasks: tasksLink(partitionTasks({ id })),
  };
}

/** The partitions grid: every `PartitionRaw` field and the partition's tasks by status. */
export const PARTITIONS: ResourceDefinition<PartitionRaw> = {
  id: 'partitions',
  labels: {
    title: 'partitions.title',
    selectRow: 'partitions.selectRow',
    selectPage: 'partitions.selectPage',
    rowActions: 'partitions.rowActions',
    emptyFiltered: 'partitions.emptyFiltered',
    empty: 'partitions.empty',
    loadError: 'partitions.loadError',
    count: 'partitions.count',
    origins: { raw: 'partitions.origins.raw', computed: 'partitions.origins.computed' },
  },
  rowId: (partition) => partition.id,
  changeKey: (partition) =>
    [
      partition.podReserved,
      partition.podMax,
      partition.preemptionPercentage,
      partition.priority,
    ].join(':'),
  columns: [
    raw.link('id', F.ID, (p) => p.id, toPartition),
    raw.array(
      'parentPartitionIds',
      F.PARENT_PARTITION_IDS,
      (p) => p.parentPartitionIds,
      toPartition,
    ),
    raw.number('podReserved', F.POD_RESERVED, (p) => p.podReserved),
    raw.number('podMax', F.POD_MAX, (p) => p.podMax),
    raw.number('preemptionPercentage', F.PREEMPTION_PERCENTAGE, (p) => p.preemptionPercentage),
    raw.number('priority', F.PRIORITY, (p) => p.priority),
    raw.object('podConfiguration', (p) => mapEntries(p.podConfiguration)),
    raw.counts('tasks'),
  ],
  defaultColumns: ['id', 'priority', 'podReserved', 'podMax', 'tasks'],
  defaultSort: { column: 'id', direction: 'asc' },
  list: listVia(PARTITIONS_CLIENT, 'listPartitions', 'partitions'),
  counts: tasksByStatus(partitionTasks),
  quick: { search: { column: 'id', label: 'partitions.search' } },
  pinned: ['id'],
};
