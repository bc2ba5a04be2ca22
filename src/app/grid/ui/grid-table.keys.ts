/**
 * The ARIA grid pattern's moves. A position is a (row, column) pair: row -1 is the header row,
 * rows 0… are the page's rows (rendered or not), columns are all the grid's columns in order,
 * rendered or not (a cell's `aria-colindex` − 1).
 */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export interface GridBounds {
  /** Rows of the page. */
  readonly rows: number;
  readonly cols: number;
  /** Rows a PageUp/PageDown jumps (about one screen). */
  readonly pageRows: number;
}

/** Where a key moves the active cell; undefined for keys that do not move it. */
export function moveCell(
  from: CellPosition,
  key: string,
  ctrl: boolean,
  bounds: GridBounds,
): CellPosition | undefined {
  const lastRow = bounds.rows - 1;
  const lastCol = bounds.cols - 1;
  const clampRow = (row: number) => Math.max(-1, Math.min(lastRow, row));
  const clampCol = (col: number) => Math.max(0, Math.min(lastCol, col));
  switch (key) {
    case 'ArrowRight':
      return { row: from.row, col: clampCol(from.col + 1) };
    case 'ArrowLeft':
      return { row: from.row, col: clampCol(from.col - 1) };
    case 'ArrowDown':
      return { row: clampRow(from.row + 1), col: from.col };
    case 'ArrowUp':
      return { row: clampRow(from.row - 1), col: from.col };
    case 'Home':
      return ctrl ? { row: bounds.rows > 0 ? 0 : -1, col: 0 } : { row: from.row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row: from.row, col: lastCol };
    case 'PageDown':
      return { row: clampRow(Math.max(0, from.row) + Math.max(1, bounds.pageRows)), col: from.col };
    case 'PageUp':
      return {
        row: Math.max(bounds.rows > 0 ? 0 : -1, from.row - Math.max(1, bounds.pageRows)),
        col: from.col,
      };
    default:
      return undefined;
  }
}

/** Shift+F10 or the context-menu key: "open this row's actions". */
export function isMenuKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): boolean {
  return event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
}

/** Keys typed into a field are the field's: the page's shortcuts must leave them alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target.getAttribute('role') === 'combobox';
}
