import type { StatusSet } from './model/status-set';
import { lookOf, statusLabelOf } from './status-lookup';

const label = (key: string) => `widgets.status.${key}`;
const unspecified = { value: 0, key: 'unspecified', icon: 'help', tone: 'neutral' } as const;
const on = { value: 1, key: 'on', icon: 'bolt', tone: 'success' } as const;
const off = { value: 2, key: 'off', icon: 'power_off', tone: 'neutral' } as const;

describe('the look of a status value', () => {
  it('is the look the set gives that value', () => {
    const set: StatusSet = { looks: [on, off, unspecified], label };
    expect(lookOf(set, 2)).toBe(off);
    expect(statusLabelOf(set, 1)).toBe('widgets.status.on');
  });

  it('a value the set does not know (a newer server) looks like UNSPECIFIED', () => {
    const set: StatusSet = { looks: [on, off, unspecified], label };
    expect(lookOf(set, 9)).toBe(unspecified);
    expect(statusLabelOf(set, 9)).toBe('widgets.status.unspecified');
  });

  it('reads as unspecified even in a set that lists no UNSPECIFIED, never as another status', () => {
    const set: StatusSet = { looks: [on, off], label };
    expect(lookOf(set, 9)).toEqual(unspecified);
    expect(statusLabelOf(set, 9)).toBe('widgets.status.unspecified');
  });
});
