import type { Duration, Timestamp } from '@bufbuild/protobuf/wkt';

/*
 * The store keeps times as epoch ms (NaN = unset); these convert at the API boundary.
 *
 * Messages of answers are written as complete literals (the generated type requires every
 * field), not with create(): create() copies its argument into a second object, and the
 * messages of 100-row pages were the largest share of what the server allocates per call.
 */

export function toTimestamp(ms: number): Timestamp | undefined {
  if (Number.isNaN(ms)) return undefined;
  // The store holds whole milliseconds; rounding only guards against a stray fraction.
  const whole = Math.round(ms);
  const seconds = Math.floor(whole / 1000);
  return {
    $typeName: 'google.protobuf.Timestamp',
    seconds: BigInt(seconds),
    nanos: (whole - seconds * 1000) * 1_000_000,
  };
}

export function toDuration(ms: number): Duration | undefined {
  if (Number.isNaN(ms)) return undefined;
  const whole = Math.floor(ms / 1000);
  return {
    $typeName: 'google.protobuf.Duration',
    seconds: BigInt(whole),
    nanos: Math.round((ms - whole * 1000) * 1e6),
  };
}

export function timestampToMs(ts: { seconds: bigint; nanos: number }): number {
  return Number(ts.seconds) * 1000 + ts.nanos / 1e6;
}

export function durationToMs(d: { seconds: bigint; nanos: number }): number {
  return Number(d.seconds) * 1000 + d.nanos / 1e6;
}
