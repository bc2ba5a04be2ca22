import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { spawnTask } from '../domain/task-factory';
import { ERRORS, TIMEOUT_MESSAGE } from '../seed/demo-catalog';
import type { Cluster } from '../store/cluster';
import { type Random, hash32 } from '../store/random';
import type { Scenarios } from './scenarios';
import type { TaskQueues } from './task-queues';

/** No scenarios: nothing stalls, every session fails as often. */
const PLAIN: Pick<Scenarios, 'stalled' | 'failureChance'> = {
  stalled: () => false,
  failureChance: () => 0.06,
};

/** Moves tasks one step along Submitted → Dispatched → Processing → Completed / Error / Retried. */
export class Work {
  private readonly podsByPartition = new Map<string, number[]>();
  private readonly errors: (readonly [number, number])[];
  private readonly timeout: number;

  constructor(
    private readonly cluster: Cluster,
    private readonly queues: TaskQueues,
    private readonly rng: Random,
    private readonly demo: Pick<Scenarios, 'stalled' | 'failureChance'> = PLAIN,
  ) {
    cluster.pods.forEach((pod, row) => {
      const list = this.podsByPartition.get(pod.partitionId) ?? [];
      list.push(row);
      this.podsByPartition.set(pod.partitionId, list);
    });
    this.errors = ERRORS.map(([text, w]) => [cluster.messages.intern(text), w] as const);
    this.timeout = cluster.messages.intern(TIMEOUT_MESSAGE);
  }

  /**
   * Queued work runs only in Running sessions and in Closed ones (submitted tasks still
   * complete). 'never' for sessions that cannot run anything again (gone, cancelled, purged),
   * so their rows leave the queues for good. A stalled session's work waits (its workers hang).
   */
  private runnable(session: number): boolean | 'never' {
    const status = this.cluster.sessions.get(session)?.status;
    if (status === SessionStatus.RUNNING || status === SessionStatus.CLOSED)
      return !this.demo.stalled(session, this.cluster.clock());
    return status === SessionStatus.PAUSED ? false : 'never';
  }

  /**
   * Submitted → Dispatched: a pod of the task's partition receives it. Pods prefetch, so the
   * dispatched backlog is kept below `buffer`; sessions take turns.
   */
  dispatch(limit: number, buffer: number): void {
    const { tasks, options } = this.cluster;
    const now = this.cluster.clock();
    const room = Math.min(limit, buffer - this.queues.dispatched.size);
    for (const row of this.queues.nextSubmitted(room, (session) => this.runnable(session))) {
      const opts = options.get(tasks.options[row]!);
      const pods = this.podsByPartition.get(opts.partitionId) ?? [];
      tasks.pod[row] = pods.length > 0 ? pods[hash32(row, 7) % pods.length]! : -1;
      tasks.receivedAt.set(row, now);
      tasks.acquiredAt.set(row, now + 3);
      tasks.podTtl.set(
        row,
        now + (Number.isNaN(opts.maxDurationMs) ? 3_600_000 : opts.maxDurationMs),
      );
      this.cluster.setTaskStatus(row, TaskStatus.DISPATCHED);
    }
  }

  /** Dispatched → Processing, within the worker capacity. */
  start(limit: number, capacity: number): void {
    const { tasks } = this.cluster;
    const now = this.cluster.clock();
    let free = Math.min(limit, capacity - this.queues.processing.size);
    const queue = this.queues.dispatched;
    // Iterating while statuses change is safe: a Set tolerates deleting visited entries.
    for (const row of queue) {
      if (free <= 0) break;
      const runnable = this.runnable(tasks.session[row]!);
      if (tasks.status[row] !== TaskStatus.DISPATCHED || runnable === 'never') {
        queue.delete(row);
        continue;
      }
      if (!runnable) continue;
      tasks.fetchedAt.set(row, now + 20);
      tasks.startedAt.set(row, now + 25);
      this.cluster.setTaskStatus(row, TaskStatus.PROCESSING);
      free--;
    }
  }

  /**
   * Processing → final, once its (deterministic, 1–7 s) run time has elapsed. Processing tasks
   * of a paused session finish too, as in ArmoniK (only queued work is held); a stalled
   * session's hang until its stall ends.
   */
  finish(limit: number): void {
    const { tasks } = this.cluster;
    const now = this.cluster.clock();
    const queue = this.queues.processing;
    const due: number[] = [];
    for (const row of queue) {
      if (due.length >= limit) break;
      const session = tasks.session[row]!;
      if (tasks.status[row] !== TaskStatus.PROCESSING || this.runnable(session) === 'never') {
        queue.delete(row);
        continue;
      }
      if (this.demo.stalled(session, now)) continue;
      const runMs = 1000 + (hash32(row, 11) % 6000);
      if (now >= tasks.startedAt.get(row) + runMs) due.push(row);
    }
    // Completing spawns retries (new queue entries): done after the iteration.
    for (const row of due) this.complete(row, now);
  }

  private complete(row: number, now: number): void {
    const { cluster, rng } = this;
    const { tasks, results } = cluster;
    tasks.processedAt.set(row, now);
    tasks.endedAt.set(row, now + 30);
    const attempts = 1 + countRetries(cluster, row);
    const firstFails = this.demo.failureChance(tasks.session[row]!);
    const fails = rng.chance(attempts === 1 ? firstFails : Math.max(0.3, firstFails));
    if (!fails) {
      cluster.setTaskStatus(row, TaskStatus.COMPLETED);
      for (const r of cluster.taskOutputs(row)) {
        if (results.status[r] !== ResultStatus.CREATED || results.owner[r] !== row) continue;
        results.size.set(r, Math.max(16, Math.round(Math.exp(7.5 + 1.3 * rng.normal()))));
        results.completedAt.set(r, now + 30);
        cluster.setResultStatus(r, ResultStatus.COMPLETED);
        this.release(r);
      }
      return;
    }
    const timeout = rng.chance(0.15);
    tasks.message[row] = timeout ? this.timeout : rng.weighted(this.errors);
    const session = cluster.sessions.get(tasks.session[row]!);
    const maxRetries = cluster.options.get(tasks.options[row]!).maxRetries;
    if (!timeout && attempts <= maxRetries && session) {
      // ArmoniK retries a failed task with a new task that takes over its outputs.
      cluster.setTaskStatus(row, TaskStatus.RETRIED);
      spawnTask(cluster, session, {
        options: tasks.options[row]!,
        outputs: cluster.submitted.has(row)
          ? cluster.taskOutputs(row)
          : { start: tasks.outputStart[row]!, count: tasks.outputCount[row]! },
        dependencies: cluster.taskDependencies(row),
        parent: tasks.parent[row]!,
        retryOf: row,
      });
      return;
    }
    cluster.setTaskStatus(row, timeout ? TaskStatus.TIMEOUT : TaskStatus.ERROR);
    for (const r of cluster.taskOutputs(row)) {
      if (results.status[r] === ResultStatus.CREATED && results.owner[r] === row)
        cluster.setResultStatus(r, ResultStatus.ABORTED);
    }
  }

  /** A result got data: pending tasks whose inputs are now all available are submitted. */
  private release(result: number): void {
    const waiting = this.queues.waitingOn.get(result);
    if (!waiting) return;
    this.queues.waitingOn.delete(result);
    const { tasks, results } = this.cluster;
    for (const row of waiting) {
      if (tasks.status[row] !== TaskStatus.PENDING) continue;
      if (
        this.cluster
          .taskDependencies(row)
          .every((r) => results.status[r] === ResultStatus.COMPLETED)
      ) {
        tasks.submittedAt.set(row, this.cluster.clock());
        this.cluster.setTaskStatus(row, TaskStatus.SUBMITTED);
      }
    }
  }
}

function countRetries(cluster: Cluster, row: number): number {
  let n = 0;
  for (let r = cluster.tasks.retryOf[row]!; r >= 0; r = cluster.tasks.retryOf[r]!) n++;
  return n;
}
