import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { Cluster } from '../store/cluster';
import type { Random } from '../store/random';
import { ERRORS, TIMEOUT_MESSAGE } from './demo-catalog';
import type { SeededSession } from './session-seed';

/** What task generation needs besides the cluster. */
export interface TaskSeedContext {
  readonly cluster: Cluster;
  readonly rng: Random;
  readonly now: number;
  /** Pod rows per partition id. */
  readonly podsByPartition: ReadonlyMap<string, readonly number[]>;
  /** Index in cluster.namePrefixes of each output prefix. */
  readonly prefixIndex: ReadonlyMap<string, number>;
  /** Interned error messages with weights. */
  readonly errors: readonly (readonly [number, number])[];
  readonly timeoutMessage: number;
}

export function taskSeedContext(
  cluster: Cluster,
  rng: Random,
  now: number,
  podsByPartition: ReadonlyMap<string, readonly number[]>,
  prefixIndex: ReadonlyMap<string, number>,
): TaskSeedContext {
  return {
    cluster,
    rng,
    now,
    podsByPartition,
    prefixIndex,
    errors: ERRORS.map(([text, w]) => [cluster.messages.intern(text), w] as const),
    timeoutMessage: cluster.messages.intern(TIMEOUT_MESSAGE),
  };
}

type Outcome = 'completed' | 'failed' | 'timeout' | 'cancelled';
type Stage = 'created' | 'submitted' | 'dispatched' | 'processing' | 'ended';

/** Ordered timestamps of one attempt; later stages leave their fields NaN. */
interface Timeline {
  createdAt: number;
  submittedAt: number;
  receivedAt: number;
  acquiredAt: number;
  fetchedAt: number;
  startedAt: number;
  processedAt: number;
  endedAt: number;
}

const STAGE_DEPTH: Readonly<Record<Stage, number>> = {
  created: 1,
  submitted: 2,
  dispatched: 4,
  processing: 6,
  ended: 8,
};

/**
 * One attempt's timeline from its creation up to `stage`, compressed if needed so that it ends
 * before `limit` (now, or the session's end): timestamps always increase and never lie in the future.
 */
function timeline(rng: Random, createdAt: number, stage: Stage, limit: number): Timeline {
  const gaps = [
    5 + rng.next() * 200, // submitted
    rng.exponential(30_000), // received (queue wait)
    5 + rng.next() * 45, // acquired
    10 + rng.next() * 290, // fetched
    5 + rng.next() * 45, // started
    500 + rng.exponential(20_000) * (rng.chance(0.05) ? 20 : 1), // processed (run time, heavy tail)
    20 + rng.next() * 180, // ended
  ];
  const depth = STAGE_DEPTH[stage];
  let total = 0;
  for (let i = 0; i < depth - 1; i++) total += gaps[i]!;
  const room = limit - createdAt;
  const scale = total > room * 0.98 ? Math.max(0, (room * 0.98) / total) : 1;
  const times = [createdAt];
  for (let i = 0; i < 7; i++) times.push(i < depth - 1 ? times[i]! + gaps[i]! * scale : NaN);
  const t = times.map((x) => (Number.isNaN(x) ? NaN : Math.round(x)));
  return {
    createdAt: t[0]!,
    submittedAt: t[1]!,
    receivedAt: t[2]!,
    acquiredAt: t[3]!,
    fetchedAt: t[4]!,
    startedAt: t[5]!,
    processedAt: t[6]!,
    endedAt: t[7]!,
  };
}

/** Result size: mostly a few KB, some large enough to need several download chunks. */
function resultSize(rng: Random): number {
  if (rng.chance(0.06)) return Math.round(90_000 * Math.exp(rng.next() * Math.log(28)));
  return Math.max(16, Math.min(80_000, Math.round(Math.exp(7.5 + 1.4 * rng.normal()))));
}

/**
 * Writes `budget` task rows for a session: chains of attempts (a failed attempt with retries
 * left is RETRIED and followed by a retry task), their expected outputs as results, statuses
 * consistent with the session's status and timestamps inside its lifetime.
 */
export function seedSessionTasks(
  ctx: TaskSeedContext,
  seeded: SeededSession,
  budget: number,
): void {
  const { cluster, rng, now } = ctx;
  const { tasks, results } = cluster;
  const session = seeded.record;
  const sessionOptions = cluster.options.get(session.options);
  const end = Math.min(
    now,
    ...[session.cancelledAt, session.closedAt].filter((t) => !Number.isNaN(t)),
  );
  const window = Math.max(1000, end - session.createdAt);
  const variantOptions = cluster.options.intern({
    ...sessionOptions,
    priority: Math.min(9, sessionOptions.priority + 2),
  });
  const pods = ctx.podsByPartition.get(sessionOptions.partitionId) ?? [];
  const prefixes = seeded.app.outputs.map((p) => ctx.prefixIndex.get(p)!);
  const cancelled = !Number.isNaN(session.cancelledAt);
  const paused = session.status === SessionStatus.PAUSED;
  const chainEnds: number[] = []; // last attempt row of each chain, for parents and dependencies
  let used = 0;
  let ordinal = 0;

  while (used < budget) {
    const share = used / budget;
    const createdAt = Math.round(session.createdAt + window * 0.9 * share + rng.next() * 1000);
    const unfinished = share >= seeded.doneShare;
    const options = rng.chance(0.15) ? variantOptions : session.options;
    const maxRetries = cluster.options.get(options).maxRetries;

    // Expected outputs, created with the chain's first attempt and handed over to each retry.
    const outputCount = rng.chance(0.85) ? 1 : rng.chance(0.8) ? 2 : 3;
    const firstOutput = results.count;
    for (let j = 0; j < outputCount; j++) {
      const name = Cluster.generatedName(prefixes[j % prefixes.length]!, ordinal);
      const r = cluster.allocateResult(session, ResultStatus.CREATED, name, createdAt);
      if (rng.chance(0.05)) results.manualDeletion[r] = 1;
    }

    // Sub-tasks and data dependencies refer to earlier chains of the same session.
    const parent = chainEnds.length > 0 && rng.chance(0.08) ? rng.pick(chainEnds.slice(-50)) : -1;
    let dependency = -1;
    if (chainEnds.length > 0 && rng.chance(0.1)) {
      const source = rng.pick(chainEnds.slice(-20));
      const candidate = tasks.outputStart[source]!;
      if (unfinished || results.status[candidate] === ResultStatus.COMPLETED)
        dependency = candidate;
    }

    let attemptCreatedAt = createdAt;
    let previous = -1;
    let last = -1;
    for (let attempt = 0; used < budget; attempt++) {
      const lastChance = attempt >= maxRetries || used + 1 >= budget;
      let status: TaskStatus;
      let stage: Stage;
      let outcome: Outcome | undefined;
      if (unfinished && !(attempt === 0 && rng.chance(0.1))) {
        // Work not done yet: cancelled with the session, or queued / running.
        const position = (share - seeded.doneShare) / Math.max(1e-9, 1 - seeded.doneShare);
        if (cancelled) {
          [status, stage, outcome] = [
            TaskStatus.CANCELLED,
            position < 0.05 ? 'processing' : 'submitted',
            'cancelled',
          ];
        } else if (dependency >= 0 && results.status[dependency] !== ResultStatus.COMPLETED) {
          [status, stage] = [TaskStatus.PENDING, 'created'];
        } else if (position < 0.03) {
          [status, stage] = [TaskStatus.PROCESSING, 'processing'];
        } else if (position < 0.06) {
          [status, stage] = [paused ? TaskStatus.PAUSED : TaskStatus.DISPATCHED, 'dispatched'];
        } else {
          [status, stage] = [paused ? TaskStatus.PAUSED : TaskStatus.SUBMITTED, 'submitted'];
        }
      } else {
        // Finished work: a first attempt fails 8% of the time, a retry 40%.
        const fails = rng.chance(attempt === 0 ? 0.08 : 0.4);
        outcome = fails
          ? rng.chance(0.15)
            ? 'timeout'
            : 'failed'
          : rng.chance(0.01)
            ? 'cancelled'
            : 'completed';
        stage = outcome === 'cancelled' ? 'submitted' : 'ended';
        status =
          outcome === 'completed'
            ? TaskStatus.COMPLETED
            : outcome === 'cancelled'
              ? TaskStatus.CANCELLED
              : !lastChance && outcome === 'failed'
                ? TaskStatus.RETRIED
                : outcome === 'timeout'
                  ? TaskStatus.TIMEOUT
                  : TaskStatus.ERROR;
      }

      const row = cluster.allocateTask(session, options, status);
      used++;
      const t = timeline(rng, attemptCreatedAt, stage, end);
      if ((stage === 'dispatched' || stage === 'processing') && status !== TaskStatus.CANCELLED) {
        // Work in progress was picked up recently, not hours ago: move the pick-up close to now.
        const shift = Math.max(
          0,
          Math.round(Math.min(end, now) - 5_000 - rng.next() * 115_000 - t.receivedAt),
        );
        t.receivedAt += shift;
        t.acquiredAt += shift;
        t.fetchedAt += shift;
        t.startedAt += shift;
      }
      tasks.createdAt.set(row, t.createdAt);
      tasks.submittedAt.set(row, t.submittedAt);
      tasks.receivedAt.set(row, t.receivedAt);
      tasks.acquiredAt.set(row, t.acquiredAt);
      tasks.fetchedAt.set(row, t.fetchedAt);
      tasks.startedAt.set(row, t.startedAt);
      tasks.processedAt.set(row, t.processedAt);
      tasks.endedAt.set(row, t.endedAt);
      if (status === TaskStatus.CANCELLED) {
        tasks.endedAt.set(
          row,
          cancelled
            ? Math.max(t.createdAt, session.cancelledAt)
            : Math.max(t.createdAt, Math.min(end, Math.round(t.submittedAt + 1000))),
        );
      }
      if (!Number.isNaN(t.acquiredAt)) {
        if (pods.length > 0) tasks.pod[row] = pods[row % pods.length]!;
        const ttl = cluster.options.get(options).maxDurationMs;
        tasks.podTtl.set(row, t.acquiredAt + (Number.isNaN(ttl) ? 3_600_000 : ttl));
      }
      if (status === TaskStatus.RETRIED || status === TaskStatus.ERROR) {
        tasks.message[row] = rng.weighted(ctx.errors);
      } else if (status === TaskStatus.TIMEOUT) {
        tasks.message[row] = ctx.timeoutMessage;
      }
      tasks.retryOf[row] = previous;
      tasks.parent[row] = parent;
      tasks.dependency[row] = dependency;
      tasks.outputStart[row] = firstOutput;
      tasks.outputCount[row] = outputCount;
      last = row;
      if (status !== TaskStatus.RETRIED) break;
      previous = row;
      attemptCreatedAt = Number.isNaN(t.endedAt)
        ? t.createdAt + 1
        : t.endedAt + 10 + Math.round(rng.next() * 90);
    }

    // Outputs follow the chain's last attempt.
    const finalStatus = tasks.statusAt(last);
    for (let r = firstOutput; r < firstOutput + outputCount; r++) {
      results.owner[r] = last;
      results.createdBy[r] = parent;
      if (finalStatus === TaskStatus.COMPLETED) {
        results.status[r] = ResultStatus.COMPLETED;
        results.completedAt.set(r, tasks.endedAt.get(last));
        results.size.set(r, resultSize(rng));
      } else if (
        finalStatus === TaskStatus.ERROR ||
        finalStatus === TaskStatus.TIMEOUT ||
        finalStatus === TaskStatus.CANCELLED
      ) {
        results.status[r] = ResultStatus.ABORTED;
      }
      if (session.status === SessionStatus.PURGED && results.manualDeletion[r] === 0) {
        results.status[r] = ResultStatus.DELETED;
      }
    }
    chainEnds.push(last);
    ordinal++;
  }
}
