import { type SecondsNanos, fromMillis, parseDuration } from './duration';
import type { StatusSet } from './definition';
import type { FilterType } from './filter-types';

/** Why a value cannot be sent; each is an i18n key suffix under `grid.filters.errors`. */
export type ValueError =
  'required' | 'number' | 'numberRange' | 'date' | 'duration' | 'boolean' | 'status';

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ValueError };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: ValueError): Parsed<never> => ({ ok: false, error });

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** `FilterNumber.value` is an int64: whole numbers only, letters and decimals are refused. */
export function parseInteger(text: string): Parsed<bigint> {
  const input = text.trim();
  if (input === '') return fail('required');
  if (!/^[-+]?\d+$/.test(input)) return fail('number');
  const value = BigInt(input);
  return value < INT64_MIN || value > INT64_MAX ? fail('numberRange') : ok(value);
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * A strict ISO-8601 date-time (what the date picker writes, and what URLs carry). Impossible
 * dates such as 2024-02-30 or 25:00 are refused rather than silently rolled over. Without a zone,
 * UTC is assumed so that a shared link means the same instant everywhere.
 */
export function parseDateTime(text: string): Parsed<SecondsNanos> {
  const input = text.trim();
  if (input === '') return fail('required');
  const match = ISO.exec(input);
  if (!match) return fail('date');
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail('date');
  if (hour > 23 || minute > 59 || second > 59) return fail('date');
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [oh, om] = zone.slice(1).split(':').map(Number) as [number, number];
    if (oh > 23 || om > 59) return fail('date');
    offsetMinutes = sign * (oh * 60 + om);
  }
  const epochSeconds =
    Date.UTC(year, month - 1, day, hour, minute, second) / 1000 - offsetMinutes * 60;
  return ok({ seconds: BigInt(epochSeconds), nanos: Number(frac.padEnd(9, '0')) });
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseDurationValue(text: string): Parsed<SecondsNanos> {
  if (text.trim() === '') return fail('required');
  const ms = parseDuration(text);
  return ms === undefined ? fail('duration') : ok(fromMillis(ms));
}

export function parseBoolean(text: string): Parsed<boolean> {
  if (text === '') return fail('required');
  return text === 'true' ? ok(true) : text === 'false' ? ok(false) : fail('boolean');
}

/** Status keys → enum values; at least one, all known. */
export function parseStatuses(
  keys: readonly string[],
  statuses: StatusSet | undefined,
): Parsed<number[]> {
  const wanted = keys.filter((key) => key !== '');
  if (wanted.length === 0) return fail('required');
  const values: number[] = [];
  for (const key of wanted) {
    const look = statuses?.looks.find((candidate) => candidate.key === key);
    if (!look) return fail('status');
    values.push(look.value);
  }
  return ok(values);
}

/** Checks the values of one condition for its type; undefined when they can be sent. */
export function valueError(
  type: FilterType,
  values: readonly string[],
  statuses?: StatusSet,
): ValueError | undefined {
  if (type === 'status') {
    const parsed = parseStatuses(values, statuses);
    return parsed.ok ? undefined : parsed.error;
  }
  const [value] = values;
  if (value === undefined || values.length !== 1) return 'required';
  const parsed = parseScalar(type, value);
  return parsed.ok ? undefined : parsed.error;
}

export type ScalarValue = string | bigint | boolean | SecondsNanos;

export function parseScalar(
  type: Exclude<FilterType, 'status'>,
  text: string,
): Parsed<ScalarValue> {
  switch (type) {
    case 'string':
    case 'array':
      // An empty text would match everything (contains "") or nothing: it is never what was meant.
      return text === '' ? fail('required') : ok(text);
    case 'number':
      return parseInteger(text);
    case 'date':
      return parseDateTime(text);
    case 'duration':
      return parseDurationValue(text);
    case 'boolean':
      return parseBoolean(text);
  }
}
