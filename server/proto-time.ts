import { create } from '@bufbuild/protobuf';
import {
  type Duration,
  DurationSchema,
  type Timestamp,
  timestampFromMs,
} from '@bufbuild/protobuf/wkt';

/** The store keeps times as epoch ms (NaN = unset); these convert at the API boundary. */
export function toTimestamp(ms: number): Timestamp | undefined {
  // The store holds whole milliseconds; rounding only guards against a stray fraction.
  return Number.isNaN(ms) ? undefined : timestampFromMs(Math.round(ms));
}

export function toDuration(ms: number): Duration | undefined {
  if (Number.isNaN(ms)) return undefined;
  const whole = Math.floor(ms / 1000);
  return create(DurationSchema, {
    seconds: BigInt(whole),
    nanos: Math.round((ms - whole * 1000) * 1e6),
  });
}

export function timestampToMs(ts: { seconds: bigint; nanos: number }): number {
  return Number(ts.seconds) * 1000 + ts.nanos / 1e6;
}

export function durationToMs(d: { seconds: bigint; nanos: number }): number {
  return Number(d.seconds) * 1000 + d.nanos / 1e6;
}
