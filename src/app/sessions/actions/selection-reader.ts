import { Injectable, inject } from '@angular/core';
import { type MessageInitShape } from '@bufbuild/protobuf';
import { type Observable, forkJoin, map } from 'rxjs';

import { SESSIONS_CLIENT } from '../../api/clients/sessions.client';
import { fromCall } from '../../api/rx';
import { fieldResolver } from '../../grid/field-resolver';
import { type FilterFieldInit, type FiltersInit } from '../../grid/model/definition';
import { toProtoFilters, toProtoSort } from '../../grid/model/filter-proto';
import { type FilterGroup } from '../../grid/model/filter-types';
import { lookOf } from '../../grid/status-lookup';
import { type SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type ListSessionsRequestSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SESSION_STATUS_SET } from '../session-status-cell';
import { SESSIONS } from '../sessions.definition';

/** What the bulk bar asks the server about an "all matching" selection. Errors are ApiError. */
@Injectable({ providedIn: 'root' })
export class SelectionReader {
  private readonly client = inject(SESSIONS_CLIENT);

  /**
   * How many matching sessions are in each status: one cheap count (page size 0) per status the
   * sessions grid knows, the filters AND-ed with "status is X". Enough to offer the right bulk
   * actions without reading every session.
   */
  countByStatus(filters: FiltersInit): Observable<ReadonlyMap<SessionStatus, number>> {
    const statuses = SESSION_STATUS_SET.looks.map((look) => look.value as SessionStatus);
    return forkJoin(
      statuses.map((status) =>
        fromCall((signal) =>
          this.client.listSessions(
            {
              page: 0,
              pageSize: 0,
              filters: withStatus(filters, status) as MessageInitShape<
                typeof ListSessionsRequestSchema
              >['filters'],
              sort: BY_ID as MessageInitShape<typeof ListSessionsRequestSchema>['sort'],
            },
            { signal },
          ),
        ).pipe(map((response) => [status, response.total] as const)),
      ),
    ).pipe(map((entries) => new Map(entries.filter(([, total]) => total > 0))));
  }
}

const resolveSessionField = fieldResolver(SESSIONS);

/** The grid's own mapping of conditions on the sessions grid's columns; they are written here. */
function sessionCondition(group: FilterGroup): FilterFieldInit {
  const mapped = toProtoFilters([group], resolveSessionField);
  const condition = mapped.ok ? mapped.filters.or[0]?.and[0] : undefined;
  if (!condition) throw new Error(`Unusable session condition: ${JSON.stringify(group)}`);
  return condition;
}

const ID_FIELD = resolveSessionField('sessionId')?.field;
if (!ID_FIELD) throw new Error('The sessions grid has no sessionId column to sort on');
const BY_ID = toProtoSort({ column: 'sessionId', direction: 'asc' }, ID_FIELD);

/** (A or B) and S = (A and S) or (B and S); no group at all = just S. */
export function withStatus(filters: FiltersInit, status: SessionStatus): FiltersInit {
  const key = lookOf(SESSION_STATUS_SET, status).key;
  const condition = sessionCondition([{ field: 'status', op: 'eq', values: [key] }]);
  const groups = filters.or.length > 0 ? filters.or : [{ and: [] }];
  return { or: groups.map((group) => ({ and: [...group.and, condition] })) };
}
