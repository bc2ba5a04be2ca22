import { create, fromBinary, toBinary } from '@bufbuild/protobuf';

import {
  ListSessionsRequestSchema,
  type ListSessionsRequest,
} from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import {
  SessionRawEnumField,
  TaskOptionEnumField,
} from '../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { fieldResolver } from '../grid/field-resolver';
import { isFilterable, isSortable, resolveColumn } from '../grid/model/columns';
import { toProtoFilters, toProtoSort } from '../grid/model/filter-proto';
import { type Condition, type FilterType, OPERATORS } from '../grid/model/filter-types';
import { listRequestInit } from '../grid/list-request';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { SESSIONS } from './sessions.definition';
import { defined } from '../../testing/defined';

const resolve = fieldResolver(SESSIONS);

/** The request the grid would send, through the real schema and wire format. */
function onTheWire(groups: Condition[][], sort = SESSIONS.defaultSort): ListSessionsRequest {
  const filters = toProtoFilters(groups, resolve);
  if (!filters.ok) throw new Error(JSON.stringify(filters.problems));
  const column = defined(resolveColumn(SESSIONS, sort.column), `column ${sort.column}`);
  const init = listRequestInit<MessageInitShape<typeof ListSessionsRequestSchema>>({
    page: 2,
    pageSize: 25,
    filters: filters.filters,
    sort: toProtoSort(sort, defined(column.field, `the server field of ${sort.column}`)),
  });
  const request = create(ListSessionsRequestSchema, { ...init, withTaskOptions: true });
  return fromBinary(ListSessionsRequestSchema, toBinary(ListSessionsRequestSchema, request));
}

/** A valid value of each type but status (two status keys are used instead). */
const SAMPLE: Record<Exclude<FilterType, 'status'>, string> = {
  string: 'abc',
  number: '3',
  date: '2024-05-01T10:30:00Z',
  boolean: 'true',
  array: 'default',
  duration: '1h',
};

describe('the sessions definition', () => {
  it('has the 23 columns of the source grid, with the issue’s defaults', () => {
    expect(SESSIONS.columns.map((c) => c.key)).toEqual([
      'sessionId',
      'status',
      'cancelledAt',
      'createdAt',
      'deletedAt',
      'purgedAt',
      'closedAt',
      'options',
      'workerSubmission',
      'clientSubmission',
      'duration',
      'partitionIds',
      'counts',
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
    ]);
    expect(SESSIONS.defaultColumns).toEqual([
      'sessionId',
      'status',
      'createdAt',
      'duration',
      'counts',
    ]);
  });

  it('keeps the source’s kinds and origins', () => {
    const kind = Object.fromEntries(SESSIONS.columns.map((c) => [c.key, `${c.kind}/${c.origin}`]));
    expect(kind).toMatchObject({
      sessionId: 'link/raw',
      status: 'status/raw',
      createdAt: 'date/raw',
      options: 'object/raw',
      workerSubmission: 'boolean/raw',
      duration: 'duration/computed',
      partitionIds: 'array/raw',
      counts: 'counts/computed',
      customData: 'object/options',
      applicationName: 'string/options',
      maxDuration: 'duration/options',
      maxRetries: 'number/options',
      priority: 'number/options',
    });
  });

  it('sorts and filters at least where the source does', () => {
    const sortable = SESSIONS.columns.filter(isSortable).map((c) => c.key);
    const filterable = SESSIONS.columns.filter(isFilterable).map((c) => c.key);
    for (const key of [
      'sessionId',
      'status',
      'cancelledAt',
      'createdAt',
      'deletedAt',
      'purgedAt',
      'closedAt',
      'workerSubmission',
      'clientSubmission',
      'duration',
      'applicationName',
      'applicationNamespace',
      'applicationService',
      'applicationVersion',
      'engineType',
      'maxDuration',
      'maxRetries',
      'partitionId',
      'priority',
    ])
      expect(sortable).toContain(key);
    for (const key of [
      'sessionId',
      'status',
      'cancelledAt',
      'createdAt',
      'deletedAt',
      'purgedAt',
      'closedAt',
      'workerSubmission',
      'clientSubmission',
      'applicationName',
      'applicationNamespace',
      'applicationService',
      'applicationVersion',
      'engineType',
      'maxRetries',
      'partitionId',
      'priority',
    ])
      expect(filterable).toContain(key);
    for (const key of ['options', 'counts', 'customData']) {
      expect(sortable).not.toContain(key);
      expect(filterable).not.toContain(key);
    }
  });

  describe('every filterable column and operator survives the real schema and wire format', () => {
    const cases = SESSIONS.columns
      .filter(isFilterable)
      .flatMap(({ key, filter }) =>
        filter ? OPERATORS[filter].map((op) => [key, op.key, filter] as const) : [],
      );
    it.each(cases)('%s %s', (field, op, type) => {
      const values = type === 'status' ? ['running', 'paused'] : [SAMPLE[type]];
      const request = onTheWire([[{ field, op, values }]]);
      const expectedGroups = type === 'status' && op === 'eq' ? 2 : 1;
      expect(request.filters?.or).toHaveLength(expectedGroups);
      const condition = defined(request.filters?.or[0]?.and[0], 'the first condition');
      expect(condition.field?.field).toEqual(
        expect.objectContaining({ case: defined(resolveColumn(SESSIONS, field)?.field).case }),
      );
      expect(condition.valueCondition.case).toBe(
        {
          string: 'filterString',
          number: 'filterNumber',
          date: 'filterDate',
          boolean: 'filterBoolean',
          status: 'filterStatus',
          array: 'filterArray',
          duration: 'filterDuration',
        }[type],
      );
      expect((condition.valueCondition.value as { operator: number }).operator).toBe(
        OPERATORS[type].find((o) => o.key === op)?.proto,
      );
    });
  });

  it('maps fields to the API enums', () => {
    const request = onTheWire([
      [
        { field: 'createdAt', op: 'ge', values: ['2024-01-01T00:00:00Z'] },
        { field: 'maxRetries', op: 'gt', values: ['2'] },
        { field: 'custom.team', op: 'eq', values: ['risk'] },
      ],
    ]);
    const fields = (request.filters?.or[0]?.and ?? []).map((c) => c.field?.field);
    expect(fields[0]).toEqual(
      expect.objectContaining({
        case: 'sessionRawField',
        value: expect.objectContaining({ field: SessionRawEnumField.CREATED_AT }),
      }),
    );
    expect(fields[1]).toEqual(
      expect.objectContaining({
        case: 'taskOptionField',
        value: expect.objectContaining({ field: TaskOptionEnumField.MAX_RETRIES }),
      }),
    );
    expect(fields[2]).toEqual(
      expect.objectContaining({
        case: 'taskOptionGenericField',
        value: expect.objectContaining({ field: 'team' }),
      }),
    );
    expect(request.filters?.or[0]?.and[1]?.valueCondition.value).toEqual(
      expect.objectContaining({ value: 2n }),
    );
  });

  it('always sends a sort with a field and a direction, and asks for task options', () => {
    const request = onTheWire([], { column: 'custom.team', direction: 'asc' });
    expect(request.sort?.direction).toBe(1);
    expect(request.sort?.field?.field).toEqual(
      expect.objectContaining({ case: 'taskOptionGenericField' }),
    );
    expect(request.withTaskOptions).toBe(true);
    expect(request.filters).toBeDefined();
    expect(request.page).toBe(2);
  });
});
