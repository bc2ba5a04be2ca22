import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { equals, gridLink } from '../../grid/grid-link';
import { type LinkTarget } from '../../grid/model/definition';
import { encodeGroup } from '../../grid/model/url-codec';
import { tasksLink } from '../../tasks';
import { sessionTasks } from '../session-counts';

export interface SessionLinks {
  readonly session: readonly string[];
  readonly tasks: LinkTarget;
  readonly results: LinkTarget;
  readonly partitions: LinkTarget;
}

/** The tasks grid on this session, optionally only these task status keys (`completed`…). */
export function sessionTasksLink(
  sessionId: string,
  statusKeys: readonly string[] = [],
): LinkTarget {
  return tasksLink(sessionTasks(sessionId), statusKeys);
}

/** The partitions grid showing any of these partitions (one OR-group per partition). */
export function partitionsLink(partitionIds: readonly string[]): LinkTarget {
  const groups = partitionIds.filter((id) => id !== '').map((id) => encodeGroup(equals('id', id)));
  return groups.length > 0
    ? { commands: ['/partitions'], queryParams: { f: groups } }
    : { commands: ['/partitions'] };
}

/**
 * Where "See session / tasks / results / partitions" lead, in the grids' own URL format, so the
 * target grid opens already filtered.
 */
export function sessionLinks(session: SessionRaw): SessionLinks {
  const id = session.sessionId;
  return {
    session: ['/sessions', id],
    tasks: sessionTasksLink(id),
    results: gridLink('/results', equals('sessionId', id)),
    partitions: partitionsLink(session.partitionIds),
  };
}
