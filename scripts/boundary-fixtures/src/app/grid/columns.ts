// Forbidden: the generic engine names a resource.
import { SESSION } from '../sessions/session';

export const COLUMNS = [SESSION];
