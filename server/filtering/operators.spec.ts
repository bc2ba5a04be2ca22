import {
  FilterArrayOperator as A,
  FilterBooleanOperator as B,
  FilterDateOperator as D,
  FilterDurationOperator as Du,
  FilterNumberOperator as N,
  FilterStatusOperator as S,
  FilterStringOperator as Str,
} from '../../proto/gen/armonik/api/grpc/v1/filters_common_pb';
import {
  arrayTest,
  booleanTest,
  dateTest,
  durationTest,
  numberTest,
  statusTest,
  stringTest,
} from './operators';

const run = <T>(test: ((v: T) => boolean) | undefined, values: T[]) => values.map((v) => test!(v));

/** An operator number the API does not define: proto3 enums are open, so the wire can carry it. */
const undefinedOperator = <E extends number>(n: number) => n as E;

describe('string operators (case-sensitive, no wildcards)', () => {
  const values = ['alpha', 'Alpha', 'xalphax', 'al', ''];
  it.each([
    [Str.EQUAL, [true, false, false, false, false]],
    [Str.NOT_EQUAL, [false, true, true, true, true]],
    [Str.CONTAINS, [true, false, true, false, false]],
    [Str.NOT_CONTAINS, [false, true, false, true, true]],
    [Str.STARTS_WITH, [true, false, false, false, false]],
    [Str.ENDS_WITH, [true, false, false, false, false]],
  ])('operator %s with "alpha"', (op, expected) => {
    expect(run(stringTest(op, 'alpha'), values)).toEqual(expected);
  });
  it('treats * and % literally', () => {
    expect(stringTest(Str.CONTAINS, 'a*')!('abc')).toBe(false);
    expect(stringTest(Str.CONTAINS, 'a*')!('xa*y')).toBe(true);
  });
  it('has no operator 6', () => expect(stringTest(undefinedOperator(6), 'x')).toBeUndefined());
});

describe('number operators', () => {
  const values = [1, 2, 3];
  it.each([
    [N.EQUAL, [false, true, false]],
    [N.NOT_EQUAL, [true, false, true]],
    [N.LESS_THAN, [true, false, false]],
    [N.LESS_THAN_OR_EQUAL, [true, true, false]],
    [N.GREATER_THAN_OR_EQUAL, [false, true, true]],
    [N.GREATER_THAN, [false, false, true]],
  ])('operator %s against 2', (op, expected) => {
    expect(run(numberTest(op, 2), values)).toEqual(expected);
  });
  it('rejects an undefined operator', () =>
    expect(numberTest(undefinedOperator(42), 1)).toBeUndefined());
});

describe('date and duration operators: unset (NaN) only matches NOT_EQUAL', () => {
  const values = [100, 200, 300, NaN];
  it.each([
    [D.EQUAL, [false, true, false, false]],
    [D.NOT_EQUAL, [true, false, true, true]],
    [D.BEFORE, [true, false, false, false]],
    [D.BEFORE_OR_EQUAL, [true, true, false, false]],
    [D.AFTER_OR_EQUAL, [false, true, true, false]],
    [D.AFTER, [false, false, true, false]],
  ])('date operator %s against 200', (op, expected) => {
    expect(run(dateTest(op, 200), values)).toEqual(expected);
  });
  it.each([
    [Du.EQUAL, [false, true, false, false]],
    [Du.NOT_EQUAL, [true, false, true, true]],
    [Du.SHORTER_THAN, [true, false, false, false]],
    [Du.SHORTER_THAN_OR_EQUAL, [true, true, false, false]],
    [Du.LONGER_THAN_OR_EQUAL, [false, true, true, false]],
    [Du.LONGER_THAN, [false, false, true, false]],
  ])('duration operator %s against 200', (op, expected) => {
    expect(run(durationTest(op, 200), values)).toEqual(expected);
  });
});

describe('boolean, status and array operators', () => {
  it('IS compares booleans', () => {
    expect(run(booleanTest(B.IS, true), [true, false])).toEqual([true, false]);
    expect(run(booleanTest(B.IS, false), [true, false])).toEqual([false, true]);
    expect(booleanTest(undefinedOperator(1), true)).toBeUndefined();
  });
  it('status EQUAL / NOT_EQUAL', () => {
    expect(run(statusTest(S.EQUAL, 3), [1, 3])).toEqual([false, true]);
    expect(run(statusTest(S.NOT_EQUAL, 3), [1, 3])).toEqual([true, false]);
    expect(statusTest(undefinedOperator(2), 3)).toBeUndefined();
  });
  it('array CONTAINS means "has an element equal to"', () => {
    const lists = [['default', 'gpu'], ['default-2'], []];
    expect(run(arrayTest(A.CONTAINS, 'default'), lists)).toEqual([true, false, false]);
    expect(run(arrayTest(A.NOT_CONTAINS, 'default'), lists)).toEqual([false, true, true]);
    expect(arrayTest(undefinedOperator(2), 'x')).toBeUndefined();
  });
});
