import { type Duration, type Timestamp, timestampDate } from '@bufbuild/protobuf/wkt';

import { formatDuration as formatDurationText } from './duration-format';

/** Locale-aware display of numbers, dates and durations; pure, so templates and tests share it. */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatDateTime(date: Date | undefined, locale: string): string {
  if (!date || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}

export function toDate(timestamp: Timestamp | undefined): Date | undefined {
  return timestamp ? timestampDate(timestamp) : undefined;
}

export function durationMs(duration: Duration | undefined): number | undefined {
  return duration ? Number(duration.seconds) * 1_000 + Math.round(duration.nanos / 1e6) : undefined;
}

/** A duration as people read it everywhere in the console (see duration-format.ts). */
export function formatDuration(ms: number | undefined, locale?: string): string {
  return ms === undefined ? '' : formatDurationText(ms, locale);
}
