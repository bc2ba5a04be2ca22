import type { Cluster } from '../store/cluster';
import { Random } from '../store/random';
import { closeFinishedSession, openSession } from './session-churn';
import { TaskQueues } from './task-queues';
import { Work } from './work';

export interface Simulator {
  stop(): void;
}

export interface SimulatorOptions {
  readonly tickMs?: number;
  /** Tasks moved per stage and tick: bounded, so a huge backlog never makes a tick slow. */
  readonly perTick?: number;
  /** Tasks processing at once over the whole cluster (the worker pods). */
  readonly capacity?: number;
}

/**
 * Makes the demo cluster live: every tick, a bounded number of tasks move one step, results
 * get their data, and now and then a client opens a new session or closes a finished one.
 * Everything goes through the same cluster operations as the RPCs, so events are emitted and
 * the rules hold (nothing queued moves in a paused, cancelled or purged session).
 */
export function startSimulator(cluster: Cluster, options: SimulatorOptions = {}): Simulator {
  const rng = new Random(cluster.seed, 2);
  const queues = new TaskQueues(cluster);
  const work = new Work(cluster, queues, rng);
  const perTick = options.perTick ?? 40;
  const capacity = options.capacity ?? 4 * Math.max(1, cluster.pods.length);
  let ticks = 0;
  const timer = setInterval(() => {
    try {
      ticks++;
      work.finish(perTick);
      work.start(perTick, capacity);
      work.dispatch(perTick, capacity);
      if (ticks % 15 === 0 && rng.chance(0.8)) openSession(cluster, rng);
      if (ticks % 20 === 0) closeFinishedSession(cluster, rng);
    } catch (error) {
      // A simulator bug must not take the API down with it.
      console.error('simulator tick failed:', error);
    }
  }, options.tickMs ?? 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      queues.stop();
    },
  };
}
