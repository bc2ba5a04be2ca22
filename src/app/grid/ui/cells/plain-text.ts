import { Injectable, inject } from '@angular/core';

import { ConsoleLocale } from '../../../shared/console-locale';
import type { ColumnDef, ValueKind } from '../../model/definition';
import { GRID_DEFINITION } from '../../state/grid-definition';
import { GridI18n } from '../grid-i18n';
import { bytesOf, durationOf, exactBytes, instantOf, textOf } from './cell-values';

/**
 * What a text-like cell shows: its text (never HTML), an optional tip, and for a date its
 * machine-readable instant. `empty` cells show a dash hidden from assistive technology.
 */
export interface PlainCell {
  readonly text: string;
  readonly empty: boolean;
  readonly tip: string | null;
  /** A duration or an instant (ms) the table's tip writes exactly when shown. */
  readonly tipDuration: number | null;
  readonly tipInstant: number | null;
  /** ISO instant of a date cell, for `<time datetime>`. */
  readonly iso: string | null;
  /** A boolean cell that says yes (its text is coloured as a success). */
  readonly on: boolean;
}

const DASH = '—';
const NONE = { tip: null, tipDuration: null, tipInstant: null, iso: null, on: false };
const EMPTY: PlainCell = { ...NONE, text: DASH, empty: true };
/** Distinct durations remembered per language (a page's limits repeat: "max duration" 1 h). */
const DURATIONS_KEPT = 1000;

/** Kinds whose engine renderer writes only text: the table writes that text in the cell itself. */
const TEXT_KINDS: ReadonlySet<ValueKind> = new Set([
  'string',
  'number',
  'date',
  'duration',
  'boolean',
  'bytes',
]);

/**
 * The text of the table's text-like cells, written straight into the `<td>` instead of through a
 * cell component (bench section 7: each cell was `app-grid-cell` → NgComponentOutlet → a renderer
 * component, created and checked for every row that scrolls into view). Formatted once per row
 * object, column and language (a refresh brings new row objects, so new values are formatted
 * again). A definition's own renderer for a kind, and columns that tick every second, keep the
 * component path, so `renderers:` overrides and live durations work as before.
 */
@Injectable()
export class PlainTextCells {
  private readonly definition = inject(GRID_DEFINITION);
  private readonly locale = inject(ConsoleLocale);
  private readonly i18n = inject(GridI18n);
  private memo = new WeakMap<object, Map<ColumnDef, PlainCell>>();
  private memoLocale = '';
  private durations = new Map<number, string>();

  /** The cell's text, or `undefined` when the column needs its renderer component. */
  of(row: unknown, column: ColumnDef): PlainCell | undefined {
    if (!TEXT_KINDS.has(column.kind) || column.ticks || this.definition.renderers?.[column.kind])
      return undefined;
    // Reading the language here makes the table re-render its cells when it changes.
    const locale = this.locale.locale();
    if (locale !== this.memoLocale) {
      this.memo = new WeakMap();
      this.durations = new Map();
      this.memoLocale = locale;
    }
    if (typeof row !== 'object' || row === null) return this.format(row, column);
    let cells = this.memo.get(row);
    if (!cells) {
      cells = new Map();
      this.memo.set(row, cells);
    }
    let cell = cells.get(column);
    if (!cell) {
      cell = this.format(row, column);
      cells.set(column, cell);
    }
    return cell;
  }

  /** Intl.DurationFormat is slow (bench section 7): each distinct value is written once. */
  private duration(ms: number): string {
    let shown = this.durations.get(ms);
    if (shown === undefined) {
      if (this.durations.size >= DURATIONS_KEPT) this.durations.clear();
      shown = this.locale.duration(ms);
      this.durations.set(ms, shown);
    }
    return shown;
  }

  private format(row: unknown, column: ColumnDef): PlainCell {
    const value = column.value(row, 0);
    const locale = this.locale;
    switch (column.kind) {
      case 'date': {
        const ms = instantOf(value);
        return ms === undefined
          ? EMPTY
          : { ...text(locale.date(ms)), tipInstant: ms, iso: new Date(ms).toISOString() };
      }
      case 'duration': {
        const ms = durationOf(value);
        return ms === undefined ? EMPTY : { ...text(this.duration(ms)), tipDuration: ms };
      }
      case 'bytes': {
        const bytes = bytesOf(value);
        return { ...text(locale.bytes(bytes)), tip: exactBytes(bytes, locale) };
      }
      case 'boolean':
        return {
          ...text(this.i18n.t(value === true ? 'grid.values.yes' : 'grid.values.no')),
          on: value === true,
        };
      default:
        return text(textOf(value, locale));
    }
  }
}

function text(shown: string): PlainCell {
  return shown === '' ? EMPTY : { ...NONE, text: shown, empty: false };
}
