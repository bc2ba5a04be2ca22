import { type Duration, type Timestamp, timestampDate } from '@bufbuild/protobuf/wkt';

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

/** "2 d 3 h", "4 min 05 s", "850 ms": the two largest units, compact and language-neutral. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  const sign = ms < 0 ? '−' : '';
  let rest = Math.abs(ms);
  if (rest < 1_000) return `${sign}${Math.round(rest)} ms`;
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1_000],
  ];
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size);
    if (amount > 0 || parts.length > 0) {
      parts.push(`${parts.length > 0 ? String(amount).padStart(2, '0') : amount} ${unit}`);
      rest -= amount * size;
    }
    if (parts.length === 2) break;
  }
  return sign + parts.join(' ');
}
