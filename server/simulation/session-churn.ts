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

/** Closes one Running session whose work is all finished (the client is done with it). */
export function closeFinishedSession(cluster: Cluster, rng: Random): void {
  const candidates: string[] = [];
  for (const session of cluster.sessions.all()) {
    if (session.status !== SessionStatus.RUNNING) continue;
    if (cluster.sessions.taskRows.count(session.index) === 0) continue;
    let open = 0;
    for (let status = 1; status < TASK_STATUS_SLOTS; status++)
      if (!isFinalTaskStatus(status)) open += cluster.sessions.taskCount(session.index, status);
    if (open === 0) candidates.push(session.id);
  }
  if (candidates.length > 0) transitionSession(cluster, rng.pick(candidates), 'close');
}
