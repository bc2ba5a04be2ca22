import { isMenuKey, isTypingTarget, moveCell } from './grid-table.keys';

describe('grid keyboard moves (ARIA grid pattern)', () => {
  const bounds = { rows: 100, cols: 7, pageRows: 12 };
  const at = { row: 10, col: 3 };

  it.each([
    ['ArrowRight', false, { row: 10, col: 4 }],
    ['ArrowLeft', false, { row: 10, col: 2 }],
    ['ArrowDown', false, { row: 11, col: 3 }],
    ['ArrowUp', false, { row: 9, col: 3 }],
    ['Home', false, { row: 10, col: 0 }],
    ['End', false, { row: 10, col: 6 }],
    ['Home', true, { row: 0, col: 0 }],
    ['End', true, { row: 99, col: 6 }],
    ['PageDown', false, { row: 22, col: 3 }],
    ['PageUp', false, { row: 0, col: 3 }],
  ])('%s (ctrl %s) moves to %j', (key, ctrl, to) => {
    expect(moveCell(at, key, ctrl, bounds)).toEqual(to);
  });

  it('stops at the edges: the header row above the first row, the last row and column', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', false, bounds)).toEqual({ row: -1, col: 0 });
    expect(moveCell({ row: -1, col: 0 }, 'ArrowUp', false, bounds)).toEqual({ row: -1, col: 0 });
    expect(moveCell({ row: 99, col: 6 }, 'ArrowDown', false, bounds)).toEqual({ row: 99, col: 6 });
    expect(moveCell({ row: 99, col: 6 }, 'ArrowRight', false, bounds)).toEqual({ row: 99, col: 6 });
    expect(moveCell({ row: 95, col: 1 }, 'PageDown', false, bounds)).toEqual({ row: 99, col: 1 });
    expect(moveCell({ row: -1, col: 1 }, 'PageDown', false, bounds)).toEqual({ row: 12, col: 1 });
  });

  it('an empty page keeps the focus in the header row', () => {
    const empty = { rows: 0, cols: 4, pageRows: 10 };
    expect(moveCell({ row: -1, col: 1 }, 'ArrowDown', false, empty)).toEqual({ row: -1, col: 1 });
    expect(moveCell({ row: -1, col: 1 }, 'Home', true, empty)).toEqual({ row: -1, col: 0 });
  });

  it('leaves other keys alone', () => {
    expect(moveCell(at, 'a', false, bounds)).toBeUndefined();
    expect(moveCell(at, 'Tab', false, bounds)).toBeUndefined();
  });

  it('opens the row menu on Shift+F10 or the context-menu key only', () => {
    expect(isMenuKey({ key: 'F10', shiftKey: true })).toBe(true);
    expect(isMenuKey({ key: 'ContextMenu', shiftKey: false })).toBe(true);
    expect(isMenuKey({ key: 'F10', shiftKey: false })).toBe(false);
  });

  it('treats text fields and comboboxes as typing, buttons and checkboxes not', () => {
    const input = (type: string) => Object.assign(document.createElement('input'), { type });
    expect(isTypingTarget(input('search'))).toBe(true);
    expect(isTypingTarget(input('text'))).toBe(true);
    expect(isTypingTarget(input('checkbox'))).toBe(false);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    const combo = document.createElement('div');
    combo.setAttribute('role', 'combobox');
    expect(isTypingTarget(combo)).toBe(true);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
  });
});
