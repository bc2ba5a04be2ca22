// Allowed: the generated code. Forbidden: the app.
import { STATUS } from '../proto/gen/status_pb';
import { SESSION } from '../src/app/sessions/session';

export const MAIN = [STATUS, SESSION];
