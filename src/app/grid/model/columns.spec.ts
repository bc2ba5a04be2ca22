import { moveKey } from './columns';

describe('moving a column (or a count group) in a list', () => {
  const keys = ['id', 'name', 'state'];

  it('moves the item to its new place, the others keeping their order', () => {
    expect(moveKey(keys, 0, 2)).toEqual(['name', 'state', 'id']);
    expect(moveKey(keys, 2, 1)).toEqual(['id', 'state', 'name']);
  });

  it('stops at either end: past them is the end itself', () => {
    expect(moveKey(keys, 1, -1)).toEqual(['name', 'id', 'state']);
    expect(moveKey(keys, 1, 5)).toEqual(['id', 'state', 'name']);
  });

  it('changes nothing for a position outside the list', () => {
    expect(moveKey(keys, -1, 0)).toEqual(keys);
    expect(moveKey(keys, 3, 0)).toEqual(keys);
  });

  it('moves whole items, not only keys', () => {
    const groups = [{ id: 'a' }, { id: 'b' }];
    const [a, b] = groups;
    expect(moveKey(groups, 1, 0)).toEqual([b, a]);
  });
});
