import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';

import { TaskDetailedSchema } from '../../../../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import { decodeGroup } from '../../grid/model/url-codec';
import { taskLinks } from '../task-links';
import { TASK_RELATION_COLUMNS, taskOutput, taskTimeline } from './task-detail';

const T0 = Date.UTC(2024, 4, 1);

describe('task inspection', () => {
  it('orders the timeline by time and says how long each step took', () => {
    const task = create(TaskDetailedSchema, {
      createdAt: timestampFromMs(T0),
      submittedAt: timestampFromMs(T0 + 1000),
      startedAt: timestampFromMs(T0 + 4000),
      endedAt: timestampFromMs(T0 + 9000),
    });
    expect(taskTimeline(task)).toEqual([
      { event: 'created', at: T0 },
      { event: 'submitted', at: T0 + 1000, sincePrevious: 1000 },
      { event: 'started', at: T0 + 4000, sincePrevious: 3000 },
      { event: 'ended', at: T0 + 9000, sincePrevious: 5000 },
    ]);
  });

  it('shows the output: success, error text, or nothing yet', () => {
    expect(taskOutput(create(TaskDetailedSchema, {}))).toEqual({ kind: 'none' });
    expect(taskOutput(create(TaskDetailedSchema, { output: { success: true } }))).toEqual({
      kind: 'success',
    });
    expect(
      taskOutput(create(TaskDetailedSchema, { output: { success: false, error: '<b>x</b>' } })),
    ).toEqual({
      kind: 'error',
      error: '<b>x</b>',
    });
  });

  it('links parents and retries to tasks, dependencies and outputs to results', () => {
    const task = create(TaskDetailedSchema, {
      parentTaskIds: ['p'],
      dataDependencies: ['d'],
      expectedOutputIds: ['o'],
      retryOfIds: ['r'],
    });
    expect(
      TASK_RELATION_COLUMNS.map((column) => [
        column.key,
        column.value(task, 0),
        column.link?.(task, 'x'),
      ]),
    ).toEqual([
      ['parentTaskIds', ['p'], { commands: ['/tasks', 'x'] }],
      ['dataDependencies', ['d'], { commands: ['/results', 'x'] }],
      ['expectedOutputIds', ['o'], { commands: ['/results', 'x'] }],
      ['retryOfIds', ['r'], { commands: ['/tasks', 'x'] }],
    ]);
  });

  it('a parent that is the session links to the session', () => {
    const task = create(TaskDetailedSchema, { sessionId: 's-1', parentTaskIds: ['s-1'] });
    expect(TASK_RELATION_COLUMNS[0]?.link?.(task, 's-1')).toEqual({
      commands: ['/sessions', 's-1'],
    });
  });

  it('leads to its session, its results and its retries', () => {
    const links = taskLinks({ id: 't-2', sessionId: 's-1', initialTaskId: 't-1' });
    expect(links.session).toEqual({ commands: ['/sessions', 's-1'] });
    expect(decodeGroup(links.results.queryParams?.['f'] as string)).toEqual([
      { field: 'ownerTaskId', op: 'eq', values: ['t-2'] },
    ]);
    expect(decodeGroup(links.retries.queryParams?.['f'] as string)).toEqual([
      { field: 'initialTaskId', op: 'eq', values: ['t-1'] },
    ]);
    // A first attempt is its own initial task.
    const first = taskLinks({ id: 't-1', sessionId: 's-1', initialTaskId: '' });
    expect(decodeGroup(first.retries.queryParams?.['f'] as string)[0]?.values).toEqual(['t-1']);
  });
});
