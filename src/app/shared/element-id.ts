let next = 0;

/**
 * An id unique in the page, for pairing a control with its `<label for>` (or `aria-*` references)
 * when the same component appears more than once.
 */
export function elementId(prefix: string): string {
  return `${prefix}-${next++}`;
}
