import type { ConsoleLocale } from '../../../shared/console-locale';
import { inertLine } from '../../../shared/inert-text';

/**
 * How a cell reads its value, once for both ways a cell is drawn: the renderer components
 * (inspection page, ticking columns, a definition's overrides) and the table's plain-text cells.
 */

/** A string or number column's text; '' for no value (the cell shows a dash). */
export function textOf(value: unknown, locale: ConsoleLocale): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return locale.number(Number(value));
  // Whatever else a text column holds is shown as text, never as markup, and inert (option
  // values come from whoever created the session): controls visible, long values cut.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return inertLine(String(value));
}

/** A date column's instant (ms), or undefined for none (0 is ArmoniK's "not set"). */
export function instantOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value !== 0 ? value : undefined;
}

/** A duration column's length (ms), or undefined for none. */
export function durationOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A size column's bytes (no value = 0), and its exact form for the tip. */
export function bytesOf(value: unknown): number {
  return Number(value ?? 0);
}

export function exactBytes(bytes: number, locale: ConsoleLocale): string {
  return `${locale.number(bytes)} B`;
}
