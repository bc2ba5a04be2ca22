// Allowed: shared/ builds on the grid engine.
import { COLUMNS } from '../grid/columns';

export const FRAME = COLUMNS;
