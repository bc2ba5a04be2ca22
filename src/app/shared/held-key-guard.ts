/**
 * A key held down repeats: Chrome activates the focused button on every repeated Enter (or
 * Space). After a confirmation closes its dialog, focus returns to the button that opened it, and
 * the next repeat opened the same dialog again. Repeated activation keys on buttons and links are
 * therefore ignored everywhere: holding Enter presses a button once.
 */
let installed = false;

export function guardHeldActivationKeys(
  target: Pick<Document, 'addEventListener'> = document,
): void {
  if (installed) return;
  installed = true;
  target.addEventListener(
    'keydown',
    (event) => {
      if (isHeldActivation(event)) event.preventDefault();
    },
    { capture: true },
  );
}

export function isHeldActivation(event: KeyboardEvent): boolean {
  if (!event.repeat || (event.key !== 'Enter' && event.key !== ' ')) return false;
  const element = event.target instanceof Element ? event.target : null;
  return !!element?.closest('button, a[href], [role="button"], [role="menuitem"]');
}
