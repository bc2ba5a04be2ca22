/**
 * The one way a person reads a duration in this console (grid cells, inspection pages, timelines,
 * the Connect panel's comments): localised through `Intl.DurationFormat` where the platform has
 * it, a plain "12m 05s" form where it does not.
 */

type DurationUnit = 'days' | 'hours' | 'minutes' | 'seconds' | 'milliseconds';
const UNITS: readonly (readonly [DurationUnit, number])[] = [
  ['days', 86_400_000],
  ['hours', 3_600_000],
  ['minutes', 60_000],
  ['seconds', 1000],
];
const ABBREVIATION: Readonly<Record<DurationUnit, string>> = {
  days: 'd',
  hours: 'h',
  minutes: 'm',
  seconds: 's',
  milliseconds: 'ms',
};

/** `Intl.DurationFormat` where the platform has it (narrow: "15m 05s", "2j 4h" in French). */
type NativeDurationFormat = new (locale: string, options: object) => { format(d: object): string };
const Native = (Intl as unknown as { DurationFormat?: NativeDurationFormat }).DurationFormat;
const natives = new Map<string, { format(d: object): string }>();
/**
 * Texts already written, by locale, units and amounts. `Intl.DurationFormat.format` costs tens of
 * microseconds a call, and a grid writes the same durations over and over (every row rendered
 * while scrolling, every tick of a live one): it was 5 % of the main thread's scripting on the
 * bench's scroll. Bounded: emptied when full.
 */
const written = new Map<string, string>();
export const MAX_DURATIONS_REMEMBERED = 5_000;

/** Writes exactly the given units, zeros included. */
function formatUnits(parts: Partial<Record<DurationUnit, number>>, locale: string): string {
  const units = Object.keys(parts) as DurationUnit[];
  if (!Native) return units.map((unit) => `${parts[unit]}${ABBREVIATION[unit]}`).join(' ');
  const key = `${locale}|${units.join(',')}`;
  const textKey = `${key}|${units.map((unit) => parts[unit]).join(',')}`;
  const known = written.get(textKey);
  if (known !== undefined) return known;
  let native = natives.get(key);
  if (!native) {
    const display = Object.fromEntries(units.map((unit) => [`${unit}Display`, 'always']));
    native = new Native(locale, { style: 'narrow', ...display });
    natives.set(key, native);
  }
  const text = native.format(parts);
  if (written.size >= MAX_DURATIONS_REMEMBERED) written.clear();
  written.set(textKey, text);
  return text;
}

/** The second unit of a pair is written on two digits, so a ticking duration does not jiggle. */
function padded(text: string, amount: number): string {
  const digits = String(amount);
  const at = text.lastIndexOf(digits);
  return amount < 10 && at > 0 ? `${text.slice(0, at)}0${text.slice(at)}` : text;
}

/**
 * THE duration formatter: every place a person reads a duration (grid cells, inspection pages,
 * timelines, filter chips) writes it this way. Short, stable, localised, the two largest units:
 * `45s`, `12m 05s`, `3h 02m`, `2d 4h` (English), `12min 05s`, `2j 4h` (French). An operator reads
 * magnitudes; the exact value is `formatDurationExact`.
 */
export function formatDuration(ms: number, locale = 'en'): string {
  if (!Number.isFinite(ms)) return '';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 1000 && abs > 0) return sign + formatUnits({ milliseconds: Math.round(abs) }, locale);
  let rest = Math.floor(abs / 1000) * 1000;
  const lead = UNITS.findIndex(([, size]) => rest >= size);
  const leading = UNITS[lead]; // undefined when no unit fits (lead is -1)
  if (!leading) return formatUnits({ seconds: 0 }, locale);
  const [first, firstSize] = leading;
  const amount = Math.floor(rest / firstSize);
  rest -= amount * firstSize;
  const next = UNITS[lead + 1];
  if (!next) return sign + formatUnits({ [first]: amount }, locale);
  const [second, secondSize] = next;
  const secondAmount = Math.floor(rest / secondSize);
  const text = formatUnits({ [first]: amount, [second]: secondAmount }, locale);
  return sign + (first === 'days' ? text : padded(text, secondAmount));
}

/** Every unit, for tooltips: `1d 2h 3m 4s 250ms`. */
export function formatDurationExact(ms: number, locale = 'en'): string {
  if (!Number.isFinite(ms)) return '';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms));
  const parts: Partial<Record<DurationUnit, number>> = {};
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || Object.keys(parts).length > 0) parts[unit] = n;
  }
  if (rest > 0) parts.milliseconds = rest;
  if (Object.keys(parts).length === 0) parts.seconds = 0;
  return sign + formatUnits(parts, locale);
}
