// Forbidden: shared/ holds primitives below the grid engine.
import { COLUMNS } from '../grid/columns';

export const FRAME = COLUMNS;
