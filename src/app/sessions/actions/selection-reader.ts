import { Injectable, inject } from '@angular/core';
import { type MessageInitShape } from '@bufbuild/protobuf';
import { type Observable, forkJoin, map } from 'rxjs';

import { SESSIONS_CLIENT } from '../../api/clients/sessions.client';
import { type FilterFieldInit, type FiltersInit } from '../../grid/model/definition';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type ListSessionsRequestSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionRawEnumField } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { SortDirection } from '../../../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import { fromCall } from '../../api/rx';

/** What the bulk bar asks the server about an "all matching" selection. Errors are ApiError. */
@Injectable({ providedIn: 'root' })
export class SelectionReader {
  private readonly client = inject(SESSIONS_CLIENT);

  /**
   * How many matching sessions are in each status: one cheap count (page size 0) per status, the
   * filters AND-ed with "status is X". Enough to offer the right bulk actions without reading
   * every session.
   */
  countByStatus(filters: FiltersInit): Observable<ReadonlyMap<SessionStatus, number>> {
    const statuses = [
      SessionStatus.RUNNING,
      SessionStatus.PAUSED,
      SessionStatus.CLOSED,
      SessionStatus.CANCELLED,
      SessionStatus.PURGED,
      SessionStatus.DELETED,
      SessionStatus.UNSPECIFIED,
    ];
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
              sort: BY_ID,
            },
            { signal },
          ),
        ).pipe(map((response) => [status, response.total] as const)),
      ),
    ).pipe(map((entries) => new Map(entries.filter(([, total]) => total > 0))));
  }
}

const BY_ID = {
  field: {
    field: { case: 'sessionRawField' as const, value: { field: SessionRawEnumField.SESSION_ID } },
  },
  direction: SortDirection.ASC,
};

/** (A or B) and S = (A and S) or (B and S); no group at all = just S. */
export function withStatus(filters: FiltersInit, status: SessionStatus): FiltersInit {
  const condition: FilterFieldInit = {
    field: { field: { case: 'sessionRawField', value: { field: SessionRawEnumField.STATUS } } },
    valueCondition: { case: 'filterStatus', value: { value: status, operator: 0 } },
  };
  const groups = filters.or.length > 0 ? filters.or : [{ and: [] }];
  return { or: groups.map((group) => ({ and: [...group.and, condition] })) };
}
