import { type SessionAction } from '../session-rules';

/**
 * Keyboard shortcuts of the inspection page (single keys, as in mail and issue trackers). They
 * open exactly what the buttons open — the same rule check, the same confirmations.
 */
export const ACTION_SHORTCUTS: Readonly<Record<SessionAction, string>> = {
  pause: 'p',
  resume: 'p',
  cancel: 'c',
  close: 'l',
  purge: 'u',
  stopSubmission: 's',
  delete: 'Delete',
};

/** The offered action a key stands for, if any. */
export function shortcutAction(
  key: string,
  offered: readonly SessionAction[],
): SessionAction | undefined {
  return offered.find((action) => ACTION_SHORTCUTS[action] === key);
}

/** True when a key press belongs to what the user is typing, not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"], [role="menu"], [role="listbox"]') !== null
  );
}
