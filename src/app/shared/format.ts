import { type Timestamp, timestampDate } from '@bufbuild/protobuf/wkt';

import { formatDuration as formatDurationText } from './duration-format';

/**
 * Locale-aware display of numbers, dates and durations; pure, so templates and tests share it.
 * Components reach them through `ConsoleLocale` (console-locale.ts), which gives the locale.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let format = cache.get(key);
  if (!format) cache.set(key, (format = make()));
  return format;
}

export function formatCount(value: number, locale: string): string {
  return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
}

export function formatDateTime(date: Date | undefined, locale: string): string {
  if (!date || Number.isNaN(date.getTime())) return '';
  return cached(
    dateFormats,
    `${locale}|medium`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }),
  ).format(date);
}

/** The exact instant, for a tooltip: full local date and zone, then UTC ISO with milliseconds. */
export function formatExactDateTime(epochMs: number, locale: string): string {
  // fractionalSecondDigits is not allowed together with timeStyle: the ISO form has them.
  const exact = cached(
    dateFormats,
    `${locale}|full`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long' }),
  );
  return `${exact.format(epochMs)} — ${new Date(epochMs).toISOString()}`;
}

/** 1 536 → "1.5 kB" (decimal units, as storage is sold and shown by most tools). */
export function formatBytes(value: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let unit = 0;
  let scaled = value;
  while (Math.abs(scaled) >= 1000 && unit < units.length - 1) {
    scaled /= 1000;
    unit++;
  }
  const digits = unit === 0 ? 0 : scaled < 10 ? 1 : 0;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(scaled);
  return `${text} ${units[unit] ?? ''}`;
}

export function toDate(timestamp: Timestamp | undefined): Date | undefined {
  return timestamp ? timestampDate(timestamp) : undefined;
}

/** A `google.protobuf.Duration` / `Timestamp` as Protobuf-ES takes and gives it. */
export interface SecondsNanos {
  readonly seconds: bigint;
  readonly nanos: number;
}

/** A Duration or Timestamp in milliseconds: the one conversion the console uses. */
export function toMillis(value: SecondsNanos | undefined): number | undefined {
  return value === undefined ? undefined : Number(value.seconds) * 1000 + value.nanos / 1e6;
}

/** A duration as people read it everywhere in the console (see duration-format.ts). */
export function formatDuration(ms: number | undefined, locale?: string): string {
  return ms === undefined ? '' : formatDurationText(ms, locale);
}
