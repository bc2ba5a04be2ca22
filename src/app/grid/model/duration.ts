import type { SecondsNanos } from '../../shared/format';

// The conversion lives below the engine (shared/format.ts), where inspection pages reach it too.
export { type SecondsNanos, toMillis } from '../../shared/format';

export function fromMillis(ms: number): SecondsNanos {
  const seconds = Math.floor(ms / 1000);
  return { seconds: BigInt(seconds), nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

const UNIT_MS: ReadonlyMap<string, number> = new Map([
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
]);

/**
 * Reads a duration as people write it: `90` (seconds), `1h 30m`, `2d4h`, `45s`, `250ms`,
 * `1:30:00` or `12:30` (h:mm:ss, m:ss). Returns milliseconds, or undefined if it is not one.
 */
export function parseDuration(text: string): number | undefined {
  const input = text.trim().toLowerCase();
  if (input === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(input)) return Math.round(Number(input) * 1000);
  const clock = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)(?:\.(\d{1,3}))?$/.exec(input);
  if (clock) {
    const [, h, m, s, frac] = clock;
    return (
      Number(h ?? 0) * 3_600_000 +
      Number(m) * 60_000 +
      Number(s) * 1000 +
      (frac ? Number(frac.padEnd(3, '0')) : 0)
    );
  }
  const unitPattern = /(\d+(?:\.\d+)?)\s*(ms|d|h|m|s)\s*/gy;
  let total = 0;
  let consumed = 0;
  for (let match = unitPattern.exec(input); match; match = unitPattern.exec(input)) {
    const [, amount, unit = ''] = match;
    const unitMs = UNIT_MS.get(unit);
    if (unitMs === undefined) return undefined; // the pattern only lets known units through
    total += Number(amount) * unitMs;
    consumed = unitPattern.lastIndex;
  }
  return consumed === input.length && consumed > 0 ? Math.round(total) : undefined;
}

// THE duration formatter lives below the engine (shared/), where inspection pages reach it too.
export { formatDuration, formatDurationExact } from '../../shared/duration-format';
