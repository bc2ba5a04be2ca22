/** A `google.protobuf.Duration` / `Timestamp` as Protobuf-ES takes and gives it. */
export interface SecondsNanos {
  readonly seconds: bigint;
  readonly nanos: number;
}

export function toMillis(value: SecondsNanos | undefined): number | undefined {
  return value === undefined ? undefined : Number(value.seconds) * 1000 + value.nanos / 1e6;
}

export function fromMillis(ms: number): SecondsNanos {
  const seconds = Math.floor(ms / 1000);
  return { seconds: BigInt(seconds), nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

const UNIT_MS: Readonly<Record<string, number>> = {
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
};

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
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    consumed = unitPattern.lastIndex;
  }
  return consumed === input.length && consumed > 0 ? Math.round(total) : undefined;
}

/**
 * Short, stable, human form: `45s`, `12m 05s`, `3h 02m`, `2d 4h`. Two units at most: an
 * operator reads magnitudes, the exact value is in the tooltip.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const negative = ms < 0;
  let rest = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const text =
    days > 0
      ? `${days}d ${hours}h`
      : hours > 0
        ? `${hours}h ${pad(minutes)}m`
        : minutes > 0
          ? `${minutes}m ${pad(seconds)}s`
          : Math.abs(ms) < 1000 && ms !== 0
            ? `${Math.abs(Math.round(ms))}ms`
            : `${seconds}s`;
  return negative ? `-${text}` : text;
}

/** Every unit, for tooltips: `1d 2h 3m 4.250s`. */
export function formatDurationExact(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push(`${n}${unit}`);
  }
  const seconds = rest / 1000;
  parts.push(`${Number.isInteger(seconds) ? seconds : seconds.toFixed(3)}s`);
  return sign + parts.join(' ');
}
