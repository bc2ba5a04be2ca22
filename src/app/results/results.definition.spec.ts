import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';

import { ResultStatus } from '../../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import {
  ListResultsRequestSchema,
  ResultRawSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/results_common_pb';
import { ResultRawEnumField as F } from '../../../proto/gen/armonik/api/grpc/v1/results_fields_pb';
import { expectListRequestsEncode } from '../../testing/definition-contract.spec-helper';
import { resolveColumn } from '../grid/model/columns';
import { opaqueIdText } from './opaque-id';
import { RESULTS } from './results.definition';
import { defined } from '../../testing/defined';

const T0 = Date.UTC(2024, 4, 1, 10, 0, 0);

const result = create(ResultRawSchema, {
  resultId: 'result-1',
  name: 'output.bin',
  sessionId: 'session-1',
  ownerTaskId: 'task-1',
  status: ResultStatus.COMPLETED,
  size: 163_841n,
  createdAt: timestampFromMs(T0),
  completedAt: timestampFromMs(T0 + 5000),
  createdBy: 'task-0',
  manualDeletion: true,
  opaqueId: new TextEncoder().encode('object/result-1'),
});

const raw = (field: F) => ({ case: 'resultRawField', value: { field } });

describe('results definition ↔ ResultRaw', () => {
  // [column, server field, filter type (the API's results FilterField has no boolean), value shown]
  it.each([
    ['resultId', raw(F.RESULT_ID), 'string', 'result-1'],
    ['name', raw(F.NAME), 'string', 'output.bin'],
    ['sessionId', raw(F.SESSION_ID), 'string', 'session-1'],
    ['ownerTaskId', raw(F.OWNER_TASK_ID), 'string', 'task-1'],
    ['status', raw(F.STATUS), 'status', ResultStatus.COMPLETED],
    ['size', raw(F.SIZE), 'number', 163_841],
    ['createdAt', raw(F.CREATED_AT), 'date', T0],
    ['completedAt', raw(F.COMPLETED_AT), 'date', T0 + 5000],
    ['createdBy', raw(F.CREATED_BY), 'string', 'task-0'],
    ['manualDeletion', raw(F.MANUAL_DELETION), undefined, true],
    ['opaqueId', raw(F.OPAQUE_ID), undefined, 'object/result-1'],
  ])('%s', (key, field, filter, value) => {
    const column = defined(resolveColumn(RESULTS, key), `column ${key}`);
    expect(column.field).toEqual(field);
    expect(column.filter).toBe(filter);
    expect(column.value(result, 0)).toEqual(value);
  });

  it('shows every ResultRaw field, the size in bytes', () => {
    expect(RESULTS.columns).toHaveLength(11);
    expect(resolveColumn(RESULTS, 'size')?.kind).toBe('bytes');
  });

  it('links to the session, the owner task and the creating task', () => {
    expect(resolveColumn(RESULTS, 'sessionId')?.link?.(result)).toEqual({
      commands: ['/sessions', 'session-1'],
    });
    expect(resolveColumn(RESULTS, 'ownerTaskId')?.link?.(result)).toEqual({
      commands: ['/tasks', 'task-1'],
    });
    expect(resolveColumn(RESULTS, 'createdBy')?.link?.(result)).toEqual({
      commands: ['/tasks', 'task-0'],
    });
  });

  it('every filter and sort encodes as a ListResultsRequest', () => {
    expectListRequestsEncode(RESULTS, ListResultsRequestSchema);
  });
});

describe('opaque ids', () => {
  it.each([
    [new Uint8Array(), ''],
    [new TextEncoder().encode('object/abc'), 'object/abc'],
    [new Uint8Array([0, 255, 16]), '00ff10'],
    [new Uint8Array([0xc3, 0x28]), 'c328'],
  ])('%p → %p', (bytes, text) => {
    expect(opaqueIdText(bytes)).toBe(text);
  });
});
