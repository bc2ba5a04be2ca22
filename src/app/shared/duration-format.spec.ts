import { MAX_DURATIONS_REMEMBERED, formatDuration, formatDurationExact } from './duration-format';

type Formatter = { prototype: { format(d: object): string } };
const platform = (Intl as unknown as { DurationFormat?: Formatter }).DurationFormat;

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

  (platform ? it : it.skip)('asks the platform once for a duration it already wrote', () => {
    const format = jest.spyOn(platform!.prototype, 'format');
    try {
      const first = formatDuration(12_345_000, 'fr');
      expect(formatDuration(12_345_000, 'fr')).toBe(first);
      expect(format).toHaveBeenCalledTimes(1);
      expect(formatDuration(12_345_000, 'en')).not.toBe(first);
      expect(format).toHaveBeenCalledTimes(2);
    } finally {
      format.mockRestore();
    }
  });

  (platform ? it : it.skip)('remembers a bounded number of texts', () => {
    const nth = (n: number) => 1000 * n + 1; // every unit written: a text of its own each
    for (let n = 0; n <= MAX_DURATIONS_REMEMBERED; n++) formatDurationExact(nth(n));
    const format = jest.spyOn(platform!.prototype, 'format');
    try {
      // The first one written was forgotten when the memory filled up; the last one was not.
      formatDurationExact(nth(MAX_DURATIONS_REMEMBERED));
      expect(format).toHaveBeenCalledTimes(0);
      formatDurationExact(nth(0));
      expect(format).toHaveBeenCalledTimes(1);
    } finally {
      format.mockRestore();
    }
  });
});
