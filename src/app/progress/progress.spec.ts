import {
  HISTORY_MS,
  MINUTE,
  type Sample,
  addSample,
  estimate,
  recentRate,
  spokenDuration,
  throughputSeries,
} from './progress';

const T0 = 1_800_000_000_000;
const S = 1000;

/** Readings every `every` ms with finished counts from `finished`, and a fixed backlog. */
function readings(
  finished: readonly number[],
  every = 10 * S,
  waiting = 100,
  running = 0,
): Sample[] {
  return finished.map((f, i) => ({ at: T0 + i * every, finished: f, waiting, running }));
}

describe('progress arithmetic', () => {
  it('keeps 15 minutes of readings and ignores one out of order', () => {
    let history: Sample[] = [];
    for (let i = 0; i <= 20; i++)
      history = addSample(history, { at: T0 + i * MINUTE, finished: i, waiting: 0, running: 0 });
    expect(history[0]?.at).toBeGreaterThan(T0 + 20 * MINUTE - HISTORY_MS);
    expect(history).toHaveLength(15);
    expect(addSample(history, { at: T0, finished: 0, waiting: 0, running: 0 })).toEqual(history);
  });

  it.each([
    ['steady progress', [0, 10, 20], [60, 60]],
    ['a finished count that drops counts as no progress', [50, 20, 30], [0, 60]],
    ['no progress', [5, 5, 5], [0, 0]],
  ])('throughput per minute between readings: %s', (_, finished, perMinute) => {
    expect(throughputSeries(readings(finished)).map((p) => p.perMinute)).toEqual(perMinute);
  });

  it.each<
    [
      string,
      number[],
      number,
      ReturnType<typeof estimate>['kind'],
      Partial<Record<string, unknown>>,
    ]
  >([
    ['nothing read yet', [], 100, 'measuring', {}],
    ['watched under 30 s', [0, 10, 20], 100, 'measuring', {}],
    ['nothing left', [0, 10, 20, 30, 40], 0, 'done', {}],
    [
      'no task finished over the span',
      [7, 7, 7, 7, 7],
      100,
      'noProgress',
      { spanMs: 40 * S, left: 100 },
    ],
    // 10 tasks / 10 s = 60 / min; 120 left → 2 minutes
    [
      'steady rate',
      [0, 10, 20, 30, 40],
      120,
      'eta',
      { ms: 2 * MINUTE, perMinute: 60, steady: true },
    ],
    // first half 1 task per 10 s, second half 30: the rate is not steady
    ['a changing rate is rough', [0, 1, 2, 32, 62], 120, 'eta', { steady: false }],
  ])('ETA: %s', (_, finished, left, kind, expected) => {
    const eta = estimate(readings(finished, 10 * S, left));
    expect(eta.kind).toBe(kind);
    expect(eta).toMatchObject(expected);
  });

  it('rates only the last 5 minutes, saying how long it watched', () => {
    // 10 minutes of readings: fast for the first 5, then 6 per minute
    const finished = Array.from({ length: 11 }, (_, i) => (i <= 5 ? i * 600 : 3000 + (i - 5) * 6));
    const rate = recentRate(readings(finished, MINUTE));
    expect(rate).toEqual({ perMinute: 6, spanMs: 5 * MINUTE, steady: true });
  });

  it('counts running tasks as work left', () => {
    const eta = estimate(
      readings([0, 10, 20, 30, 40], 10 * S, 60).map((s) => ({ ...s, running: 60 })),
    );
    expect(eta).toMatchObject({ kind: 'eta', left: 120, ms: 2 * MINUTE });
  });

  it.each([
    [20 * S, 'underMinute', {}],
    [12 * MINUTE + 20 * S, 'minutes', { minutes: 12 }],
    [130 * MINUTE, 'hours', { hours: 2, minutes: 10 }],
    [120 * MINUTE, 'wholeHours', { hours: 2 }],
    [50 * 60 * MINUTE, 'days', { days: 2 }],
  ])('says %i ms as %s', (ms, key, params) => {
    expect(spokenDuration(ms)).toEqual({ key, params });
  });
});
