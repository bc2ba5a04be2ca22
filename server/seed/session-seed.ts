import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import type { Cluster } from '../store/cluster';
import type { Random } from '../store/random';
import type { SessionRecord } from '../store/session-store';
import {
  APPLICATIONS,
  type AppTemplate,
  OWNERS,
  PIPELINES,
  PRIORITY_CLASSES,
} from './demo-catalog';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SeededSession {
  readonly record: SessionRecord;
  readonly app: AppTemplate;
  /** Share of the session's work that is finished (the rest is queued, running or was cancelled). */
  readonly doneShare: number;
}

const ALL_STATUSES = [
  SessionStatus.RUNNING,
  SessionStatus.PAUSED,
  SessionStatus.CANCELLED,
  SessionStatus.CLOSED,
  SessionStatus.PURGED,
] as const;

/** Younger sessions are mostly still open; older ones mostly closed, cancelled or purged. */
function statusForAge(rng: Random, ageMs: number): SessionStatus {
  const h = ageMs / HOUR;
  const weights: readonly (readonly [SessionStatus, number])[] =
    h < 3
      ? [
          [SessionStatus.RUNNING, 75],
          [SessionStatus.PAUSED, 10],
          [SessionStatus.CANCELLED, 5],
          [SessionStatus.CLOSED, 10],
        ]
      : h < 48
        ? [
            [SessionStatus.RUNNING, 45],
            [SessionStatus.PAUSED, 9],
            [SessionStatus.CANCELLED, 11],
            [SessionStatus.CLOSED, 25],
            [SessionStatus.PURGED, 10],
          ]
        : [
            [SessionStatus.RUNNING, 30],
            [SessionStatus.PAUSED, 6],
            [SessionStatus.CANCELLED, 12],
            [SessionStatus.CLOSED, 30],
            [SessionStatus.PURGED, 22],
          ];
  return rng.weighted(weights);
}

/** Creates `count` sessions, oldest first (so row order is creation order), spread over 30 days. */
export function seedSessions(
  cluster: Cluster,
  rng: Random,
  count: number,
  now: number,
): SeededSession[] {
  const ages = Array.from({ length: count }, () => 2 * MINUTE + 30 * DAY * rng.next() ** 3).sort(
    (a, b) => b - a,
  );
  const statuses = ages.map((age) => statusForAge(rng, age));
  // Every status must be visible even in a small demo: give missing ones to random sessions.
  if (count >= ALL_STATUSES.length) {
    for (const status of ALL_STATUSES) {
      if (statuses.includes(status)) continue;
      const counts = new Map<SessionStatus, number>();
      for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
      const candidates = statuses
        .map((s, i) => [s, i] as const)
        .filter(([s]) => (counts.get(s) ?? 0) > 1);
      statuses[rng.pick(candidates)[1]] = status;
    }
  }
  const appWeights = APPLICATIONS.map((a) => [a, a.weight] as const);
  return ages.map((age, i) => {
    const status = statuses[i]!;
    const app = rng.weighted(appWeights);
    const createdAt = Math.round(now - age);
    const [priorityClass, priority] = rng.weighted(
      PRIORITY_CLASSES.map(([c, p, w]) => [[c, p] as const, w] as const),
    );
    const partitionIds =
      rng.chance(0.3) && app.partitions.length > 1 ? [...app.partitions] : [app.partitions[0]!];
    const options: Record<string, string> = {
      team: app.team,
      'priority-class': priorityClass,
      owner: rng.pick(OWNERS),
    };
    // Not every session has every key: filters on a missing key are part of the demo.
    if (rng.chance(0.6)) options['pipeline'] = rng.pick(PIPELINES);
    const optionIndex = cluster.options.intern({
      options,
      maxDurationMs: rng.pick([5, 15, 30, 60, 120]) * MINUTE,
      maxRetries: rng.int(2, 4),
      priority,
      partitionId: partitionIds[0]!,
      applicationName: app.name,
      applicationVersion: rng.pick(app.versions),
      applicationNamespace: app.namespace,
      applicationService: app.service,
      engineType: app.engineType,
    });
    const record = cluster.addSession({ status, partitionIds, options: optionIndex, createdAt });
    const doneShare = settleLifecycle(rng, record, age, now);
    return { record, app, doneShare };
  });
}

/** Fills the lifecycle timestamps and flags consistent with the status; returns the finished share of work. */
function settleLifecycle(rng: Random, s: SessionRecord, age: number, now: number): number {
  const activeFor = Math.min(
    age * (0.3 + 0.65 * rng.next()),
    5 * MINUTE + rng.exponential(3 * HOUR),
  );
  const end = Math.round(s.createdAt + activeFor);
  const h = age / HOUR;
  const open = Math.min(
    0.98,
    Math.max(0.05, 0.25 + 0.7 * (1 - Math.exp(-h / 6)) + 0.1 * rng.normal()),
  );
  const close = () => {
    s.closedAt = end;
    s.durationMs = end - s.createdAt;
  };
  switch (s.status) {
    case SessionStatus.RUNNING:
      // A few clients already stopped submitting (StopSubmission) while work continues.
      if (rng.chance(0.06)) s.clientSubmission = false;
      return open;
    case SessionStatus.PAUSED:
      return open;
    case SessionStatus.CANCELLED:
      s.cancelledAt = end;
      break;
    case SessionStatus.CLOSED:
      close();
      // Closed recently: some submitted tasks are still running to completion.
      s.clientSubmission = s.workerSubmission = false;
      return now - end < 2 * HOUR && rng.chance(0.5) ? 0.85 + 0.13 * rng.next() : 1;
    case SessionStatus.PURGED:
      if (rng.chance(0.7)) close();
      else s.cancelledAt = end;
      s.purgedAt = Math.round(end + (now - end) * 0.8 * rng.next());
      break;
    default:
      break;
  }
  s.clientSubmission = s.workerSubmission = false;
  // Cancelled sessions stopped part-way through their work.
  return Number.isNaN(s.cancelledAt) ? 1 : 0.3 + 0.6 * rng.next();
}
