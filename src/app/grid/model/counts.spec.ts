import {
  type CountGroup,
  type CountsEntry,
  countColorCss,
  groupCounts,
  needsFetch,
  sameCounts,
  totalCount,
} from './counts';
import type { StatusSet } from './definition';

const TASKS: StatusSet = {
  looks: [
    { value: 3, key: 'dispatched', icon: '', tone: 'info' },
    { value: 4, key: 'completed', icon: '', tone: 'success' },
    { value: 5, key: 'error', icon: '', tone: 'danger' },
    { value: 6, key: 'timeout', icon: '', tone: 'danger' },
    { value: 8, key: 'cancelled', icon: '', tone: 'neutral' },
    { value: 9, key: 'processing', icon: '', tone: 'info' },
    { value: 11, key: 'retried', icon: '', tone: 'warning' },
  ],
  label: (key) => key,
};

const GROUPS: CountGroup[] = [
  { id: 'completed', name: '', labelKey: 'completed', statuses: ['completed'], color: 'success' },
  {
    id: 'running',
    name: '',
    labelKey: 'running',
    statuses: ['dispatched', 'processing'],
    color: 'info',
  },
  { id: 'error', name: '', labelKey: 'error', statuses: ['error', 'timeout'], color: 'danger' },
  { id: 'cancelled', name: '', labelKey: 'cancelled', statuses: ['cancelled'], color: 'neutral' },
  { id: 'retried', name: '', labelKey: 'retried', statuses: ['retried'], color: 'warning' },
];

describe('count grouping', () => {
  it('adds up each group’s statuses; absent statuses count 0', () => {
    const counts = [
      { status: 4, count: 10 },
      { status: 3, count: 2 },
      { status: 9, count: 5 },
      { status: 6, count: 1 },
      { status: 5, count: 3 },
    ];
    expect(groupCounts(counts, GROUPS, TASKS)).toEqual([10, 7, 4, 0, 0]);
  });

  it('ignores statuses no group names (e.g. Submitted) and unknown enum values', () => {
    expect(
      groupCounts(
        [
          { status: 2, count: 9 },
          { status: 99, count: 1 },
        ],
        GROUPS,
        TASKS,
      ),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  it('lets a status count in several groups', () => {
    const groups: CountGroup[] = [
      { id: 'a', name: 'Failed', statuses: ['error'], color: 'danger' },
      { id: 'b', name: 'Not ok', statuses: ['error', 'cancelled'], color: '#ff00aa' },
    ];
    expect(
      groupCounts(
        [
          { status: 5, count: 2 },
          { status: 8, count: 1 },
        ],
        groups,
        TASKS,
      ),
    ).toEqual([2, 3]);
  });

  it('compares counts whatever their order, zero counts aside', () => {
    expect(
      sameCounts(
        [
          { status: 1, count: 2 },
          { status: 3, count: 0 },
        ],
        [{ status: 1, count: 2 }],
      ),
    ).toBe(true);
    expect(sameCounts([{ status: 1, count: 2 }], [{ status: 1, count: 3 }])).toBe(false);
    expect(
      totalCount([
        { status: 1, count: 2 },
        { status: 4, count: 3 },
      ]),
    ).toBe(5);
  });

  it('maps tones to theme colours and keeps hex colours', () => {
    expect(countColorCss('success')).toBe('var(--app-success)');
    expect(countColorCss('danger')).toBe('var(--mat-sys-error)');
    expect(countColorCss('#12abef')).toBe('#12abef');
    expect(countColorCss('red; background: url(x)')).toBe('var(--app-neutral)');
  });
});

describe('the refetch rule', () => {
  const entry = (over: Partial<CountsEntry>): CountsEntry => ({
    counts: [],
    key: 'closed',
    generation: 3,
    settled: false,
    ...over,
  });

  it('fetches a row never fetched', () => {
    expect(needsFetch(undefined, 'running', 1)).toBe(true);
  });

  it('fetches at most once per refresh', () => {
    expect(needsFetch(entry({ generation: 4 }), 'closed', 4)).toBe(false);
    expect(needsFetch(entry({ generation: 3 }), 'closed', 4)).toBe(true);
  });

  it('never refetches settled counts of an unchanged row', () => {
    expect(needsFetch(entry({ settled: true, generation: 1 }), 'closed', 9)).toBe(false);
  });

  it('refetches settled counts once the row changed', () => {
    expect(needsFetch(entry({ settled: true, key: 'closed' }), 'purged', 9)).toBe(true);
  });

  it('refetches unsettled counts on every refresh', () => {
    expect(needsFetch(entry({ settled: false, key: 'running' }), 'running', 4)).toBe(true);
  });
});
