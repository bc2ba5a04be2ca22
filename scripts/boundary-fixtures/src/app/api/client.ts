// Forbidden: the API layer reaches up into the grid engine.
import { COLUMNS } from '../grid/columns';
import { STATUS } from '../../../proto/gen/status_pb';

export const CLIENT = [COLUMNS, STATUS];
