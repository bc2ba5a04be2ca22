/**
 * Throughput, backlog and ETA from counts sampled at each refresh (no server change needed):
 * pure arithmetic, so the page, the session inspection panel and the tests share it.
 */

/** One reading of a scope's task counts. */
export interface Sample {
  /** Epoch ms of the reading. */
  readonly at: number;
  /** Tasks in a final status (completed, error, timeout, cancelled, retried). */
  readonly finished: number;
  /** Tasks waiting to run (creating, pending, submitted, dispatched, paused). */
  readonly waiting: number;
  /** Tasks running (processing, processed). */
  readonly running: number;
}

export const MINUTE = 60_000;
/** How much history a chart shows and the memory keeps. */
export const HISTORY_MS = 15 * MINUTE;
/** The rate an ETA is computed at: the last 5 minutes (or less, while the page has watched less). */
export const RATE_WINDOW_MS = 5 * MINUTE;
/** Below this much watching, a rate says nothing yet. */
export const MIN_SPAN_MS = 30_000;
/** Two halves of the window whose rates differ by more than this factor make the ETA "rough". */
const STEADY_FACTOR = 2;

/** Adds a reading and forgets those older than the history; a reading out of order is ignored. */
export function addSample(history: readonly Sample[], sample: Sample): Sample[] {
  const last = history.at(-1);
  if (last && sample.at <= last.at) return [...history];
  return [...history, sample].filter((s) => s.at > sample.at - HISTORY_MS);
}

/** One interval between consecutive readings, dated at its end. */
export interface ThroughputPoint {
  readonly at: number;
  readonly perMinute: number;
  /** Tasks waiting at the end of the interval. */
  readonly waiting: number;
}

/**
 * Tasks finished per minute between consecutive readings, at the end of each interval. A drop
 * of the finished count (sessions deleted meanwhile) counts as no progress, not as negative.
 */
export function throughputSeries(history: readonly Sample[]): ThroughputPoint[] {
  const series: ThroughputPoint[] = [];
  let a: Sample | undefined;
  for (const b of history) {
    if (a)
      series.push({
        at: b.at,
        perMinute: (Math.max(0, b.finished - a.finished) / (b.at - a.at)) * MINUTE,
        waiting: b.waiting,
      });
    a = b;
  }
  return series;
}

/** Finished tasks per minute over [from, to] (readings inside it), and the span actually covered. */
function rateBetween(history: readonly Sample[], from: number, to: number) {
  const inside = history.filter((s) => s.at >= from && s.at <= to);
  const [first] = inside;
  const last = inside.at(-1);
  if (inside.length < 2 || !first || !last) return undefined;
  let done = 0;
  let previous = first;
  for (const s of inside) {
    done += Math.max(0, s.finished - previous.finished);
    previous = s;
  }
  const span = last.at - first.at;
  return { perMinute: (done / span) * MINUTE, span };
}

export interface Rate {
  readonly perMinute: number;
  /** How long the rate was measured over (≤ RATE_WINDOW_MS). */
  readonly spanMs: number;
  /** Both halves of the span ran at similar rates. */
  readonly steady: boolean;
}

/** The recent rate, from the last reading back over the window; undefined until enough watching. */
export function recentRate(
  history: readonly Sample[],
  windowMs = RATE_WINDOW_MS,
): Rate | undefined {
  const last = history.at(-1);
  if (!last) return undefined;
  const whole = rateBetween(history, last.at - windowMs, last.at);
  if (!whole || whole.span < MIN_SPAN_MS) return undefined;
  const middle = last.at - whole.span / 2;
  const first = rateBetween(history, last.at - whole.span, middle);
  const second = rateBetween(history, middle, last.at);
  const steady =
    !first ||
    !second ||
    (Math.max(first.perMinute, second.perMinute) <=
      STEADY_FACTOR * Math.min(first.perMinute, second.perMinute) &&
      Math.min(first.perMinute, second.perMinute) > 0);
  return { perMinute: whole.perMinute, spanMs: whole.span, steady };
}

export type Eta =
  /** Not watched long enough to say. */
  | { readonly kind: 'measuring' }
  /** Nothing left to do. */
  | { readonly kind: 'done' }
  /** Work left, and no task finished over the span. */
  | { readonly kind: 'noProgress'; readonly spanMs: number; readonly left: number }
  | {
      readonly kind: 'eta';
      readonly ms: number;
      readonly spanMs: number;
      readonly left: number;
      readonly perMinute: number;
      readonly steady: boolean;
    };

/** Backlog (waiting + running) ÷ recent throughput, with what the estimate rests on. */
export function estimate(history: readonly Sample[], windowMs = RATE_WINDOW_MS): Eta {
  const last = history.at(-1);
  if (!last) return { kind: 'measuring' };
  const left = last.waiting + last.running;
  if (left === 0) return { kind: 'done' };
  const rate = recentRate(history, windowMs);
  if (!rate) return { kind: 'measuring' };
  if (rate.perMinute === 0) return { kind: 'noProgress', spanMs: rate.spanMs, left };
  return {
    kind: 'eta',
    ms: (left / rate.perMinute) * MINUTE,
    spanMs: rate.spanMs,
    left,
    perMinute: rate.perMinute,
    steady: rate.steady,
  };
}

/**
 * A duration as an operator says it: "under a minute", "12 min", "2 h 10 min", "3 days".
 * Returns an i18n key under `overview.duration` and its parameters.
 */
export function spokenDuration(ms: number): { key: string; params: Record<string, number> } {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 1) return { key: 'underMinute', params: {} };
  if (minutes < 60) return { key: 'minutes', params: { minutes } };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes - hours * 60;
    return rest === 0
      ? { key: 'wholeHours', params: { hours } }
      : { key: 'hours', params: { hours, minutes: rest } };
  }
  return { key: 'days', params: { days: Math.round(hours / 24) } };
}
