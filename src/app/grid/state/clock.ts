import { DestroyRef, Injectable, inject, signal } from '@angular/core';

/**
 * One ticking clock per grid page: live durations and "updated N s ago" read it, so they move
 * every second without any call and without one timer per cell.
 */
@Injectable()
export class GridClock {
  private readonly tick = signal(Date.now());
  readonly now = this.tick.asReadonly();

  constructor() {
    const timer = setInterval(() => this.tick.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
