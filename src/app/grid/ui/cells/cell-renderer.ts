import { type Type } from '@angular/core';

import type { ValueKind } from '../../model/definition';
import { ArrayCell } from './array-cell';
import { BooleanCell } from './boolean-cell';
import { BytesCell } from './bytes-cell';
import { CountsCell } from './counts-cell';
import { DateCell } from './date-cell';
import { DurationCell } from './duration-cell';
import { LinkCell } from './link-cell';
import { ObjectCell } from './object-cell';
import { StatusCell } from './status-cell';
import { TextCell } from './text-cell';

/**
 * The engine's renderer of each value kind. Every renderer takes the same inputs — `row`,
 * `column`, `value` — so a definition can replace one (`renderers: { status: MyStatusCell }`)
 * without the engine knowing what it renders.
 */
export const DEFAULT_RENDERERS: Readonly<Record<ValueKind, Type<unknown>>> = {
  string: TextCell,
  number: TextCell,
  link: LinkCell,
  status: StatusCell,
  date: DateCell,
  duration: DurationCell,
  boolean: BooleanCell,
  array: ArrayCell,
  object: ObjectCell,
  counts: CountsCell,
  bytes: BytesCell,
};
