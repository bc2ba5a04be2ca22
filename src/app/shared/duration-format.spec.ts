import { formatDuration, formatDurationExact } from './duration-format';

describe('the one duration formatter', () => {
  it.each<[number, string, string]>([
    [0, '0s', '0s'],
    [450, '450ms', '450ms'],
    [45_000, '45s', '45s'],
    [725_000, '12m 05s', '12min 05s'],
    [900_000, '15m 00s', '15min 00s'],
    [7_200_000, '2h 00m', '2h 00min'],
    [10_920_000, '3h 02m', '3h 02min'],
    [187_200_000, '2d 4h', '2j 4h'],
    [-45_000, '-45s', '-45s'],
  ])('writes %d ms as %s in English and %s in French', (ms, en, fr) => {
    expect(formatDuration(ms)).toBe(en);
    expect(formatDuration(ms, 'en')).toBe(en);
    expect(formatDuration(ms, 'fr')).toBe(fr);
  });

  it('keeps the width while a live duration ticks (the second unit on two digits)', () => {
    const widths = [60_000, 61_000, 69_000, 70_000].map((ms) => formatDuration(ms).length);
    expect(new Set(widths).size).toBe(1);
  });

  it('writes every unit for the exact value', () => {
    expect(formatDurationExact(93_784_250)).toBe('1d 2h 3m 4s 250ms');
    expect(formatDurationExact(93_784_250, 'fr')).toBe('1j 2h 3min 4s 250ms');
    expect(formatDurationExact(4000)).toBe('4s');
    expect(formatDurationExact(0)).toBe('0s');
  });

  it('writes nothing for a value that is not a duration', () => {
    expect(formatDuration(Number.NaN)).toBe('');
    expect(formatDurationExact(Number.POSITIVE_INFINITY)).toBe('');
  });
});
