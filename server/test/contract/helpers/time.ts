import { Timestamp } from './messages';

const BILLION = 1_000_000_000n;

/** Exact value in nanoseconds, or null when unset. */
export function nanos(value: Timestamp | null | undefined): bigint | null {
  if (!value) return null;
  return BigInt(value.seconds) * BILLION + BigInt(value.nanos);
}

export function millis(value: Timestamp | null | undefined): number | null {
  const n = nanos(value);
  return n === null ? null : Number(n / 1_000_000n);
}

export function toTimestamp(ns: bigint): Timestamp {
  const seconds = ns >= 0n ? ns / BILLION : (ns - BILLION + 1n) / BILLION;
  return { seconds: String(seconds), nanos: Number(ns - seconds * BILLION) };
}
