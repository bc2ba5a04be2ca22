import { create } from '@bufbuild/protobuf';

import {
  ListPartitionsRequestSchema,
  PartitionRawSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/partitions_common_pb';
import { PartitionRawEnumField as F } from '../../../proto/gen/armonik/api/grpc/v1/partitions_fields_pb';
import { expectListRequestsEncode } from '../../testing/definition-contract.spec-helper';
import { resolveColumn } from '../grid/model/columns';
import { decodeGroup } from '../grid/model/url-codec';
import { PARTITIONS, partitionLinks } from './partitions.definition';
import { defined } from '../../testing/defined';

const partition = create(PartitionRawSchema, {
  id: 'gpu',
  parentPartitionIds: ['default', 'accel'],
  podReserved: 2n,
  podMax: 10n,
  preemptionPercentage: 50n,
  priority: 3n,
  podConfiguration: { memory: '4Gi', cpu: '2' },
});

const raw = (field: F) => ({ case: 'partitionRawField', value: { field } });

describe('partitions definition ↔ PartitionRaw', () => {
  it.each([
    ['id', raw(F.ID), 'string', 'gpu'],
    ['parentPartitionIds', raw(F.PARENT_PARTITION_IDS), 'array', ['default', 'accel']],
    ['podReserved', raw(F.POD_RESERVED), 'number', 2],
    ['podMax', raw(F.POD_MAX), 'number', 10],
    ['preemptionPercentage', raw(F.PREEMPTION_PERCENTAGE), 'number', 50],
    ['priority', raw(F.PRIORITY), 'number', 3],
    ['podConfiguration', undefined, undefined, { cpu: '2', memory: '4Gi' }],
    ['tasks', undefined, undefined, undefined],
  ])('%s', (key, field, filter, value) => {
    const column = defined(resolveColumn(PARTITIONS, key), `column ${key}`);
    expect(column.field).toEqual(field);
    expect(column.filter).toBe(filter);
    expect(column.value(partition, 0)).toEqual(value);
  });

  it('shows the pod configuration as sorted key/value pairs and parents as links', () => {
    expect(resolveColumn(PARTITIONS, 'podConfiguration')?.entries?.(partition, 'en')).toEqual([
      ['cpu', '2'],
      ['memory', '4Gi'],
    ]);
    expect(resolveColumn(PARTITIONS, 'parentPartitionIds')?.link?.(partition, 'accel')).toEqual({
      commands: ['/partitions', 'accel'],
    });
  });

  it('counts and lists the tasks of the partition, and its sessions', () => {
    const links = partitionLinks('gpu');
    expect(decodeGroup(links.tasks.queryParams?.['f'] as string)).toEqual([
      { field: 'partitionId', op: 'eq', values: ['gpu'] },
    ]);
    expect(decodeGroup(links.sessions.queryParams?.['f'] as string)).toEqual([
      { field: 'partitionIds', op: 'has', values: ['gpu'] },
    ]);
    const cell = defined(PARTITIONS.counts, 'per-row counts').link(partition, ['error', 'timeout']);
    expect(cell.commands).toEqual(['/tasks']);
    expect(decodeGroup(cell.queryParams?.['f'] as string)).toEqual([
      { field: 'partitionId', op: 'eq', values: ['gpu'] },
      { field: 'status', op: 'eq', values: ['error', 'timeout'] },
    ]);
  });

  it('every filter and sort encodes as a ListPartitionsRequest', () => {
    expectListRequestsEncode(PARTITIONS, ListPartitionsRequestSchema);
  });
});
