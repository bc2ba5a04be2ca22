import type { Cluster } from '../store/cluster';
import { Random } from '../store/random';
import { Pace } from './pace';
import { scenarios } from './scenarios';
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
  /** Tasks processing at once over the whole cluster (the worker pods), at full load. */
  readonly capacity?: number;
}

/** Ticks between a client opening a session (80 % of the time) and closing a finished one. */
const OPEN_EVERY = 15;
const CLOSE_EVERY = 20;

/**
 * The simulation as steps driven by the clock: `advance()` runs every tick due since its last
 * call (see Pace). Separate random streams for the work and the churn keep the churn identical
 * for a seed whether or not ticks were late.
 */
export function createSimulation(cluster: Cluster, options: SimulatorOptions = {}) {
  const tickMs = options.tickMs ?? 1000;
  const demo = scenarios(cluster.seed);
  const queues = new TaskQueues(cluster);
  const work = new Work(cluster, queues, new Random(cluster.seed, 2), demo);
  const churn = new Random(cluster.seed, 3);
  const perTick = options.perTick ?? 40;
  const capacity = options.capacity ?? 4 * Math.max(1, cluster.pods.length);
  const pace = new Pace(cluster.clock, tickMs);
  let closeFrom = 0;
  return {
    queues,
    advance(): void {
      for (const { tick, work: runsWork } of pace.due()) {
        if (runsWork) {
          const load = demo.load(cluster.clock());
          const workers = Math.max(1, Math.round(capacity * load));
          work.finish(perTick);
          work.start(perTick, workers);
          work.dispatch(perTick, workers);
        }
        if (tick % OPEN_EVERY === 0 && churn.chance(0.8)) openSession(cluster, churn);
        if (tick % CLOSE_EVERY === 0) closeFrom = closeFinishedSession(cluster, churn, closeFrom);
      }
    },
    stop(): void {
      queues.stop();
    },
  };
}

/**
 * Makes the demo cluster live: every tick, a bounded number of tasks move one step, results
 * get their data, and now and then a client opens a new session or closes a finished one.
 * Everything goes through the same cluster operations as the RPCs, so events are emitted and
 * the rules hold (nothing queued moves in a paused, cancelled or purged session).
 */
export function startSimulator(cluster: Cluster, options: SimulatorOptions = {}): Simulator {
  const simulation = createSimulation(cluster, options);
  const timer = setInterval(
    () => {
      try {
        simulation.advance();
      } catch (error) {
        // A simulator bug must not take the API down with it.
        console.error('simulator tick failed:', error);
      }
    },
    Math.max(50, Math.round((options.tickMs ?? 1000) / 2)),
  );
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      simulation.stop();
    },
  };
}
