import { hash32 } from '../store/random';

const MINUTE = 60_000;

/** How long a stall lasts: long enough to cross the overview's default "stuck" threshold (10 min). */
export const STALL_WINDOW_MS = 30 * MINUTE;

/**
 * The demo's moving parts, as pure functions of (seed, session, time) so that a run is the same
 * for a `--seed` whatever the tick timing, and nothing is stored per session.
 */
export interface Scenarios {
  /** Workers the cluster has now, as a share of its capacity (0.25–1): throughput varies over minutes. */
  load(now: number): number;
  /** A session whose work is held during this 30-minute window: tasks wait, none progress. */
  stalled(session: number, now: number): boolean;
  /** Chance that a first attempt of this session's tasks fails: a few sessions fail a lot. */
  failureChance(session: number): number;
}

export function scenarios(seed: number): Scenarios {
  const phase = (hash32(seed, 101) % 1000) / 1000;
  return {
    load(now) {
      // Two slow waves (7 and 23 minutes) and a dip every hour: busy, quiet, busy again.
      const t = now / MINUTE;
      const wave =
        0.5 +
        0.3 * Math.sin(2 * Math.PI * (t / 7 + phase)) +
        0.2 * Math.sin(2 * Math.PI * (t / 23 + 2 * phase));
      const dip = (t + 60 * phase) % 60 < 4 ? 0.4 : 1;
      return Math.min(1, Math.max(0.25, wave * dip));
    },
    stalled(session, now) {
      // About one session in twelve stalls in any given window, a different set each window.
      return hash32(hash32(seed, session), Math.floor(now / STALL_WINDOW_MS)) % 12 === 0;
    },
    failureChance(session) {
      return hash32(seed ^ 0x5bd1e995, session) % 10 === 0 ? 0.45 : 0.06;
    },
  };
}
