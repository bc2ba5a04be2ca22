import { inject } from '@angular/core';
import { Code } from '@connectrpc/connect';

import { ApiError } from '../../api/api-error';
import { PARTITIONS_CLIENT, SESSIONS_CLIENT, TASKS_CLIENT } from '../../api/clients';
import type { SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { fieldResolver } from '../../grid/field-resolver';
import { toMillis } from '../../grid/model/duration';
import { toProtoFilters, toProtoSort } from '../../grid/model/filter-proto';
import type { FilterGroup } from '../../grid/model/filter-types';
import { resolveColumn } from '../../grid/model/columns';
import type { ResourceDefinition } from '../../grid/model/definition';
import { PARTITIONS } from '../../partitions';
import { SESSIONS, sessionTasksFilters } from '../../sessions';
import { TASKS, taskCounter } from '../../tasks';
import { type StatusCounts, countsMap } from '../../progress';

const resolveSession = fieldResolver(SESSIONS);

/** A session grid condition as the API's filters (the grid engine's own path). */
function sessionFilters(group: FilterGroup) {
  const result = toProtoFilters([group], resolveSession);
  if (!result.ok)
    throw new ApiError(Code.InvalidArgument, `Unusable session filter: ${JSON.stringify(group)}`);
  return result.filters as never;
}

/** A sort on a definition's column, as the grid sends it. */
function sortOn<T>(definition: ResourceDefinition<T>, column: string, direction: 'asc' | 'desc') {
  const field = resolveColumn(definition, column)?.field;
  if (!field) throw new Error(`${definition.id} cannot sort on ${column}`);
  return toProtoSort({ column, direction }, field) as never;
}

/** Sessions the attention list considers: only active ones (Running or Paused). */
export const ACTIVE_SESSIONS: FilterGroup = [
  { field: 'status', op: 'eq', values: ['running', 'paused'] },
];

/**
 * Every read the overview makes, each one call. Call in an injection context. Counts reuse the
 * tasks folder's counter (the tasks grid's conditions → CountTasksByStatus).
 */
export function overviewReader() {
  const sessions = inject(SESSIONS_CLIENT);
  const tasks = inject(TASKS_CLIENT);
  const partitions = inject(PARTITIONS_CLIENT);
  const count = taskCounter();
  return {
    /** Tasks of a scope (conditions on the tasks grid's columns; [] = the whole cluster). */
    async tasksByStatus(scope: FilterGroup, signal: AbortSignal): Promise<StatusCounts> {
      return countsMap(await count(scope, signal));
    },

    /** How many sessions match: a count-only List call (page_size 0). */
    async countSessions(group: FilterGroup, signal: AbortSignal): Promise<number> {
      const reply = await sessions.listSessions(
        {
          page: 0,
          pageSize: 0,
          filters: sessionFilters(group),
          sort: sortOn(SESSIONS, 'createdAt', 'asc'),
        },
        { signal },
      );
      return reply.total;
    },

    /** Partition ids, first `max` by id. */
    async partitionIds(
      max: number,
      signal: AbortSignal,
    ): Promise<{ ids: string[]; total: number }> {
      const reply = await partitions.listPartitions(
        { page: 0, pageSize: max, filters: { or: [] }, sort: sortOn(PARTITIONS, 'id', 'asc') },
        { signal },
      );
      return { ids: reply.partitions.map((p) => p.id), total: reply.total };
    },

    /** One page of active sessions, oldest first (the likeliest to need someone). */
    async activeSessions(
      page: number,
      pageSize: number,
      signal: AbortSignal,
    ): Promise<{ sessions: SessionRaw[]; total: number }> {
      const reply = await sessions.listSessions(
        {
          page,
          pageSize,
          filters: sessionFilters(ACTIVE_SESSIONS),
          sort: sortOn(SESSIONS, 'createdAt', 'asc'),
        },
        { signal },
      );
      return { sessions: reply.sessions, total: reply.total };
    },

    /** End time of a session's most recently finished task: ListTasks sorted by end time, one row. */
    async lastEndedAt(sessionId: string, signal: AbortSignal): Promise<number | undefined> {
      const reply = await tasks.listTasks(
        {
          page: 0,
          pageSize: 1,
          filters: sessionTasksFilters(sessionId),
          sort: sortOn(TASKS, 'endedAt', 'desc'),
        },
        { signal },
      );
      return toMillis(reply.tasks[0]?.endedAt);
    },
  };
}

export type OverviewReader = ReturnType<typeof overviewReader>;
