import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { transitionSession } from '../domain/session-actions';
import { spawnTask } from '../domain/task-factory';
import { APPLICATIONS, OWNERS, PRIORITY_CLASSES } from '../seed/demo-catalog';
import { Cluster } from '../store/cluster';
import type { Random } from '../store/random';
import { TASK_STATUS_SLOTS } from '../store/session-store';
import { isFinalTaskStatus } from '../store/task-store';

const MINUTE = 60_000;

/** Opens a new Running session with a batch of submitted tasks and their outputs, like a client would. */
export function openSession(cluster: Cluster, rng: Random): void {
  const app = rng.weighted(APPLICATIONS.map((a) => [a, a.weight] as const));
  const [priorityClass, priority] = rng.weighted(
    PRIORITY_CLASSES.map(([c, p, w]) => [[c, p] as const, w] as const),
  );
  const partitionId = app.partitions[0]!;
  const options = cluster.options.intern({
    options: { team: app.team, 'priority-class': priorityClass, owner: rng.pick(OWNERS) },
    maxDurationMs: rng.pick([5, 15, 30]) * MINUTE,
    maxRetries: rng.int(2, 3),
    priority,
    partitionId,
    applicationName: app.name,
    applicationVersion: rng.pick(app.versions),
    applicationNamespace: app.namespace,
    applicationService: app.service,
    engineType: app.engineType,
  });
  const session = cluster.addSession({
    status: SessionStatus.RUNNING,
    partitionIds: [partitionId],
    options,
    createdAt: cluster.clock(),
  });
  const prefix = Math.max(0, cluster.namePrefixes.indexOf(app.outputs[0]!));
  const count = rng.int(20, 200);
  for (let i = 0; i < count; i++) {
    const result = cluster.allocateResult(
      session,
      ResultStatus.CREATED,
      Cluster.generatedName(prefix, i),
      cluster.clock(),
    );
    cluster.announceResult(result);
    spawnTask(cluster, session, { options, outputs: { start: result, count: 1 } });
  }
}

/**
 * Sessions one close looks at. A scan of all 100,000 sessions (bench scale) took 27–32 ms of one
 * event-loop turn, every 20 ticks; 4,096 take about a millisecond, and a smaller cluster is still
 * scanned whole each time.
 */
export const CLOSE_SCAN = 4096;

/**
 * Closes one Running session whose work is all finished (the client is done with it), picked
 * among those in the `window` sessions from row `from` on (wrapping). Returns the row the next
 * call starts from, so that successive calls cover every session in turn.
 */
export function closeFinishedSession(
  cluster: Cluster,
  rng: Random,
  from = 0,
  window = CLOSE_SCAN,
): number {
  const { sessions } = cluster;
  const total = sessions.count;
  const scanned = Math.min(window, total);
  const candidates: string[] = [];
  for (let k = 0; k < scanned; k++) {
    const session = sessions.get((from + k) % total);
    if (!session || session.status !== SessionStatus.RUNNING) continue;
    if (sessions.taskRows.count(session.index) === 0) continue;
    let open = 0;
    for (let status = 1; status < TASK_STATUS_SLOTS; status++)
      if (!isFinalTaskStatus(status)) open += sessions.taskCount(session.index, status);
    if (open === 0) candidates.push(session.id);
  }
  if (candidates.length > 0) transitionSession(cluster, rng.pick(candidates), 'close');
  return total === 0 ? 0 : (from + scanned) % total;
}
