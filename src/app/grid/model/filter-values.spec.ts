import {
  formatDuration,
  formatDurationExact,
  fromMillis,
  parseDuration,
  toMillis,
} from './duration';
import { parseBoolean, parseDateTime, parseInteger, valueError } from './filter-values';
import { WIDGET_STATES } from '../../../testing/widgets.spec-helper';

describe('filter values', () => {
  it('reads whole numbers only', () => {
    expect(parseInteger(' 42 ')).toEqual({ ok: true, value: 42n });
    expect(parseInteger('-7')).toEqual({ ok: true, value: -7n });
    expect(parseInteger('4 2')).toEqual({ ok: false, error: 'number' });
    expect(parseInteger('1e3')).toEqual({ ok: false, error: 'number' });
    expect(parseInteger('abc')).toEqual({ ok: false, error: 'number' });
    expect(parseInteger('')).toEqual({ ok: false, error: 'required' });
    expect(parseInteger('9223372036854775807')).toEqual({ ok: true, value: 9223372036854775807n });
    expect(parseInteger('-9223372036854775809')).toEqual({ ok: false, error: 'numberRange' });
  });

  it('reads strict ISO dates and refuses impossible ones', () => {
    expect(parseDateTime('1970-01-01T00:00:01.5Z')).toEqual({
      ok: true,
      value: { seconds: 1n, nanos: 500_000_000 },
    });
    expect(parseDateTime('2024-05-01T12:30:00+02:00')).toEqual(
      parseDateTime('2024-05-01T10:30:00Z'),
    );
    expect(parseDateTime('2024-02-29T00:00:00Z').ok).toBe(true);
    expect(parseDateTime('2023-02-29T00:00:00Z')).toEqual({ ok: false, error: 'date' });
    expect(parseDateTime('2024-02-30')).toEqual({ ok: false, error: 'date' });
    expect(parseDateTime('2024-13-01')).toEqual({ ok: false, error: 'date' });
    expect(parseDateTime('2024-01-01T24:00')).toEqual({ ok: false, error: 'date' });
    expect(parseDateTime('yesterday')).toEqual({ ok: false, error: 'date' });
    expect(parseDateTime('')).toEqual({ ok: false, error: 'required' });
  });

  it('reads booleans as the editor writes them', () => {
    expect(parseBoolean('true')).toEqual({ ok: true, value: true });
    expect(parseBoolean('false')).toEqual({ ok: true, value: false });
    expect(parseBoolean('yes')).toEqual({ ok: false, error: 'boolean' });
  });

  it('checks a condition’s values by type', () => {
    expect(valueError('status', ['on', 'off'], WIDGET_STATES)).toBeUndefined();
    expect(valueError('status', ['bogus'], WIDGET_STATES)).toBe('status');
    expect(valueError('string', ['a', 'b'])).toBe('required');
    expect(valueError('duration', ['2h'])).toBeUndefined();
  });
});

describe('durations', () => {
  it.each<[string, number | undefined]>([
    ['90', 90_000],
    ['1.5', 1500],
    ['1h 30m', 5_400_000],
    ['1h30m', 5_400_000],
    ['2d4h', 187_200_000],
    ['45s', 45_000],
    ['250ms', 250],
    ['1:30:00', 5_400_000],
    ['12:30', 750_000],
    ['0:00:01.5', 1500],
    [' 3 m ', 180_000],
    ['', undefined],
    ['soon', undefined],
    ['1h soon', undefined],
    ['-5s', undefined],
    ['1:75', undefined],
  ])('parses %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each<[number, string]>([
    [0, '0s'],
    [450, '450ms'],
    [45_000, '45s'],
    [725_000, '12m 05s'],
    [10_920_000, '3h 02m'],
    [187_200_000, '2d 4h'],
    [-45_000, '-45s'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('formats the exact value for tooltips', () => {
    expect(formatDurationExact(93_784_250)).toBe('1d 2h 3m 4s 250ms');
    expect(formatDurationExact(4000)).toBe('4s');
  });

  it('converts protobuf seconds/nanos', () => {
    expect(toMillis({ seconds: 2n, nanos: 500_000_000 })).toBe(2500);
    expect(fromMillis(2500)).toEqual({ seconds: 2n, nanos: 500_000_000 });
    expect(toMillis(undefined)).toBeUndefined();
  });
});
