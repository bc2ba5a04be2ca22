import { type Refusal, type SessionAction, type SessionFacts, refusalOf } from '../session-rules';

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

/** What a key asks for on this session: the action, and why it is refused if it is. */
export interface ShortcutRequest {
  readonly action: SessionAction;
  readonly refusal?: Refusal;
}

/**
 * The action a key stands for on this session — the one allowed if several share the key (`p`:
 * pause or resume), else the first, with its refusal so that the page can say why nothing happens.
 */
export function shortcutRequest(
  key: string,
  session: SessionFacts,
  can: (permission: string) => boolean,
): ShortcutRequest | undefined {
  const candidates = (Object.keys(ACTION_SHORTCUTS) as SessionAction[])
    .filter((action) => ACTION_SHORTCUTS[action] === key)
    .map((action) => {
      const refusal = refusalOf(action, session, can);
      return refusal === undefined ? { action } : { action, refusal };
    });
  return candidates.find((c) => c.refusal === undefined) ?? candidates[0];
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
