import type { Cluster } from '../store/cluster';
import { Random } from '../store/random';
import { APPLICATIONS, PARTITIONS } from './demo-catalog';
import { seedScenarios } from './scenario-seed';
import { seedSessions } from './session-seed';
import { seedSessionTasks, taskSeedContext } from './task-seed';

export interface SeedOptions {
  readonly sessions: number;
  readonly tasks: number;
  /** Anchor of every generated timestamp (the demo looks "current" whenever it starts). */
  readonly now: number;
  /** Add the demo scenarios (failing sessions) on top of the base set; default true. */
  readonly scenarios?: boolean;
}

/**
 * Fills an empty cluster with the deterministic demo data set: identical ids, statuses,
 * options and relative timestamps for identical (seed, sessions, tasks).
 */
export function seedCluster(cluster: Cluster, options: SeedOptions): void {
  const rng = new Random(cluster.seed, 1);
  for (const partition of PARTITIONS) cluster.partitions.set(partition.id, partition);
  const podsByPartition = seedPods(cluster, rng);
  const prefixIndex = new Map<string, number>();
  for (const app of APPLICATIONS) {
    for (const prefix of app.outputs) {
      if (!prefixIndex.has(prefix)) prefixIndex.set(prefix, cluster.namePrefixes.push(prefix) - 1);
    }
  }

  cluster.sessions.reserve(options.sessions);
  const sessions = seedSessions(cluster, rng, options.sessions, options.now);
  const budgets = taskBudgets(rng, sessions.length, options.tasks);
  // A quarter ahead for what the simulator and clients add: reserved rows cost no memory until
  // written, while growing a full store later would copy every column (its peak).
  cluster.tasks.reserve(Math.ceil(options.tasks * 1.25) + 1024);
  cluster.results.reserve(Math.ceil(options.tasks * 1.45) + 1024);
  const ctx = taskSeedContext(cluster, rng, options.now, podsByPartition, prefixIndex);
  sessions.forEach((seeded, i) => {
    if (budgets[i]! > 0) seedSessionTasks(ctx, seeded, budgets[i]!);
  });
  if (options.scenarios !== false) seedScenarios(cluster);
}

/** A handful of compute pods per partition, named like Kubernetes pods. */
function seedPods(cluster: Cluster, rng: Random): Map<string, number[]> {
  const byPartition = new Map<string, number[]>();
  const hex = (n: number) =>
    Array.from({ length: n }, () => 'bcdfghjklmnpqrstvwxz2456789'[rng.int(0, 26)]).join('');
  PARTITIONS.forEach((partition, p) => {
    const rows: number[] = [];
    const replicaSet = hex(9);
    const count = Math.max(2, Math.min(12, Math.round(partition.podMax / 6)));
    for (let k = 0; k < count; k++) {
      rows.push(
        cluster.pods.push({
          ownerPodId: `10.42.${p + 1}.${10 + k}`,
          hostname: `compute-plane-${partition.id}-${replicaSet}-${hex(5)}`,
          partitionId: partition.id,
        }) - 1,
      );
    }
    byPartition.set(partition.id, rows);
  });
  return byPartition;
}

/**
 * Splits the task total unevenly: log-normal weights, a few huge sessions, a few empty ones;
 * largest-remainder rounding so the sum is exact.
 */
export function taskBudgets(rng: Random, sessions: number, total: number): number[] {
  if (sessions === 0) return [];
  const huge = Math.max(1, Math.round(sessions / 150));
  const weights = Array.from({ length: sessions }, () =>
    rng.chance(0.04) ? 0 : Math.exp(1.1 * rng.normal()),
  );
  for (let i = 0; i < huge; i++) weights[rng.int(0, sessions - 1)]! *= 40;
  let sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    weights[0] = 1;
    sum = 1;
  }
  const exact = weights.map((w) => (w / sum) * total);
  const budgets = exact.map(Math.floor);
  let missing = total - budgets.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; missing > 0; k = (k + 1) % order.length, missing--) budgets[order[k]![1]]!++;
  return budgets;
}
