import { type SessionAction } from '../session-rules';

/** Material Symbols name of each action, the same everywhere. */
export const ACTION_ICONS: Readonly<Record<SessionAction, string>> = {
  pause: 'pause',
  resume: 'play_arrow',
  cancel: 'cancel',
  close: 'lock',
  purge: 'delete_sweep',
  stopSubmission: 'block',
  delete: 'delete_forever',
};
