import { inject } from '@angular/core';
import type { MessageInitShape } from '@bufbuild/protobuf';

import { TASKS_CLIENT } from '../api/clients/tasks.client';
import type { FiltersSchema } from '../../../proto/gen/armonik/api/grpc/v1/tasks_filters_pb';
import { fieldResolver } from '../grid/field-resolver';
import { gridLink } from '../grid/grid-link';
import type { CountGroup, StatusCountLike } from '../grid/model/counts';
import type { CountsSpec, LinkTarget } from '../grid/model/definition';
import { toProtoFilters } from '../grid/model/filter-proto';
import type { FilterGroup } from '../grid/model/filter-types';
import { TASK_STATUSES } from './task-status';
import { TASKS } from './tasks.definition';

/** The default columns of a "tasks by status" cell. */
export const DEFAULT_TASK_COUNT_GROUPS: readonly CountGroup[] = [
  {
    id: 'queued',
    name: '',
    labelKey: 'tasks.groups.queued',
    statuses: ['creating', 'pending', 'submitted', 'dispatched', 'paused'],
    color: 'neutral',
  },
  {
    id: 'running',
    name: '',
    labelKey: 'tasks.groups.running',
    statuses: ['processing', 'processed'],
    color: 'info',
  },
  {
    id: 'completed',
    name: '',
    labelKey: 'tasks.groups.completed',
    statuses: ['completed'],
    color: 'success',
  },
  {
    id: 'failed',
    name: '',
    labelKey: 'tasks.groups.failed',
    statuses: ['error', 'timeout', 'retried'],
    color: 'danger',
  },
  {
    id: 'cancelled',
    name: '',
    labelKey: 'tasks.groups.cancelled',
    statuses: ['cancelling', 'cancelled'],
    color: 'warning',
  },
];

const resolveTaskField = fieldResolver(TASKS);

/**
 * The tasks grid, filtered on a scope (conditions on task columns) and, if given, statuses.
 * What a count cell, "See tasks" or "See retries" opens.
 */
export function tasksLink(scope: FilterGroup, statusKeys: readonly string[] = []): LinkTarget {
  return gridLink(
    '/tasks',
    statusKeys.length > 0 ? [...scope, { field: 'status', op: 'eq', values: statusKeys }] : scope,
  );
}

/**
 * The tasks filter of a scope (conditions on task columns), made by the grid's own condition →
 * proto mapping. A scope is written in code, so an unusable one is a programming error.
 */
export function taskFilters(scope: FilterGroup): MessageInitShape<typeof FiltersSchema> {
  const filters = toProtoFilters([scope], resolveTaskField);
  // A local mistake, not a server answer: it is not dressed as an ApiError.
  if (!filters.ok) throw new Error(`Unusable task filter: ${JSON.stringify(scope)}`);
  return filters.filters as MessageInitShape<typeof FiltersSchema>;
}

/**
 * CountTasksByStatus on the tasks a scope stands for. Call in an injection context; the result
 * counts one scope (statuses with no tasks are absent).
 */
export function taskCounter(): (
  scope: FilterGroup,
  signal: AbortSignal,
) => Promise<readonly StatusCountLike[]> {
  const client = inject(TASKS_CLIENT);
  return async (scope, signal) =>
    (await client.countTasksByStatus({ filters: taskFilters(scope) }, { signal })).status;
}

/**
 * Per-row "tasks by status" counts for any resource whose rows stand for a set of tasks (a
 * session's, a partition's, an application's). `scope` says which tasks, as conditions on task
 * columns: the same conditions make the CountTasksByStatus filter and the link of each group, so a
 * number always opens exactly the tasks it counted.
 */
export function tasksByStatus<T>(
  scope: (row: T) => FilterGroup,
  options: {
    /** When a row's counts can no longer change (default: never). */
    readonly settled?: CountsSpec<T>['settled'];
    readonly groups?: readonly CountGroup[];
  } = {},
): CountsSpec<T> {
  return {
    statuses: TASK_STATUSES,
    defaultGroups: options.groups ?? DEFAULT_TASK_COUNT_GROUPS,
    fetch: () => {
      const count = taskCounter();
      return (row, signal) => count(scope(row), signal);
    },
    settled: options.settled ?? (() => false),
    link: (row, statusKeys) => tasksLink(scope(row), statusKeys),
  };
}
