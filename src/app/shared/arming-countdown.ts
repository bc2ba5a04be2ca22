import { DestroyRef, type Signal, inject, signal } from '@angular/core';

/** A confirmation that can destroy something arms only after this visible countdown. */
export const ARMING_SECONDS = 3;

/**
 * Seconds left before a confirmation arms, ticking down once a second to 0. Call in an injection
 * context: the timer stops with the component.
 */
export function armingCountdown(seconds = ARMING_SECONDS): Signal<number> {
  const remaining = signal(seconds);
  const timer = setInterval(() => {
    remaining.update((n) => Math.max(0, n - 1));
    if (remaining() === 0) clearInterval(timer);
  }, 1_000);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return remaining.asReadonly();
}
