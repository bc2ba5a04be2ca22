import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { SessionRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { SortDirection } from '../../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import { deleteSession, transitionSession } from '../../domain/session-actions';
import { seedCluster } from '../../seed/seed';
import { Cluster } from '../../store/cluster';
import { type FilterFieldMessage, type FiltersMessage, compileFilter } from '../compile-filter';
import { compileSort } from '../compile-sort';
import type { FieldRefMessage } from '../field-spec';
import { planCandidates } from '../plan';
import { selectPage } from '../select-page';
import { sessionFields } from './session-fields';

const NOW = 1_800_000_000_000;
const field = (f: SessionRawEnumField): FieldRefMessage => ({
  field: { case: 'sessionRawField', value: { field: f } },
});
const statusIs = (status: SessionStatus): FilterFieldMessage => ({
  field: field(SessionRawEnumField.STATUS),
  valueCondition: { case: 'filterStatus', value: { value: status, operator: 0 } },
});
const or = (...groups: FilterFieldMessage[][]): FiltersMessage => ({
  or: groups.map((and) => ({ and })),
});

/** ListSessions' engine path, counting the rows it looks at. */
async function listSessions(cluster: Cluster, filters: FiltersMessage, page: number, size: number) {
  const table = sessionFields(cluster, NOW);
  const filter = compileFilter(table, filters);
  const sort = compileSort(table, [field(SessionRawEnumField.CREATED_AT)], SortDirection.DESC);
  let looked = 0;
  const isLive = (row: number) => {
    looked++;
    return cluster.sessions.get(row) !== undefined;
  };
  const candidates = planCandidates(filter, cluster.sessions.count, () => undefined);
  const result = await selectPage(candidates, isLive, filter, sort, page, size, undefined);
  return { ...result, looked, counted: filter.total !== undefined };
}

describe('a session status filter takes its total from the counts the store keeps', () => {
  const cluster = new Cluster(9, () => NOW);
  seedCluster(cluster, { sessions: 3000, tasks: 20_000, now: NOW });

  // "status = X" OR "status = X" matches the same rows but has no counted total: the generic walk.
  const both = async (status: SessionStatus, page: number, size: number) => {
    const fast = await listSessions(cluster, or([statusIs(status)]), page, size);
    const generic = await listSessions(
      cluster,
      or([statusIs(status)], [statusIs(status)]),
      page,
      size,
    );
    return { fast, generic };
  };

  it.each([
    [SessionStatus.RUNNING, 0, 100],
    [SessionStatus.CLOSED, 2, 50],
    [SessionStatus.CANCELLED, 0, 0],
  ])('status %s, page %s of %s: same rows and total as a full scan', async (status, page, size) => {
    const { fast, generic } = await both(status, page, size);
    expect(fast.counted).toBe(true);
    expect(generic.counted).toBe(false);
    expect(fast.rows).toEqual(generic.rows);
    expect(fast.total).toBe(generic.total);
    expect(generic.looked).toBe(cluster.sessions.count);
  });

  it('looks at the rows of the page, not at every session', async () => {
    const { fast } = await both(SessionStatus.RUNNING, 0, 100);
    expect(fast.rows).toHaveLength(100);
    expect(fast.looked).toBeLessThan(cluster.sessions.count / 2);
  });

  it('stays right after status changes and deletions', async () => {
    const running = [...cluster.sessions.all()].filter((s) => s.status === SessionStatus.RUNNING);
    transitionSession(cluster, running[0]!.id, 'cancel');
    transitionSession(cluster, running[1]!.id, 'close');
    deleteSession(cluster, running[2]!.id);
    for (const status of [SessionStatus.RUNNING, SessionStatus.CANCELLED, SessionStatus.CLOSED]) {
      const { fast, generic } = await both(status, 0, 20);
      expect(fast.total).toBe(generic.total);
      expect(fast.rows).toEqual(generic.rows);
    }
  });
});
