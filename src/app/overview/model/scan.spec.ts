import { pageAfter, pageToRead } from './scan';

/** The pages read over `refreshes` refreshes, with `total` candidates in pages of `size`. */
function pagesRead(total: number, size: number, refreshes: number): number[] {
  const pages: number[] = [];
  let next = 0;
  for (let i = 0; i < refreshes; i++) {
    const page = pageToRead(next, total, size);
    pages.push(page);
    next = pageAfter(page, total, size);
  }
  return pages;
}

describe('attention scan (round-robin over pages of candidates)', () => {
  it.each([
    [0, 12, [0, 0, 0]],
    [5, 12, [0, 0, 0]],
    [12, 12, [0, 0, 0]],
    [13, 12, [0, 1, 0, 1]],
    [40, 12, [0, 1, 2, 3, 0, 1]],
  ])('%i candidates in pages of %i: reads pages %j', (total, size, expected) => {
    expect(pagesRead(total, size, expected.length)).toEqual(expected);
  });

  it('starts over when the candidates shrank below the next page', () => {
    // page 3 was next, but only 20 candidates remain: read page 0
    expect(pageToRead(3, 20, 12)).toBe(0);
  });

  it('checks every candidate once per cycle of ceil(total / size) refreshes', () => {
    const total = 100;
    const size = 12;
    const pages = pagesRead(total, size, Math.ceil(total / size));
    const checked = pages.flatMap((p) =>
      Array.from({ length: size }, (_, i) => p * size + i).filter((row) => row < total),
    );
    expect(new Set(checked).size).toBe(total);
  });
});
