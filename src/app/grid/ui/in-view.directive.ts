import {
  DestroyRef,
  Directive,
  ElementRef,
  Injectable,
  inject,
  input,
  effect,
} from '@angular/core';

import { GridCountsStore } from '../state/counts.store';

/**
 * One IntersectionObserver for the rows of a grid: rows report when they enter or leave the
 * viewport, so per-row counts are fetched for rows on screen only.
 */
@Injectable()
export class RowVisibility {
  private readonly counts = inject(GridCountsStore);
  private readonly ids = new Map<Element, string>();
  private readonly observer =
    typeof IntersectionObserver === 'undefined'
      ? undefined
      : new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              const id = this.ids.get(entry.target);
              if (id !== undefined) this.counts.setVisible(id, entry.isIntersecting);
            }
          },
          // A little ahead of the viewport, so counts are there when the row scrolls in.
          { rootMargin: '120px 0px' },
        );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.observer?.disconnect());
  }

  watch(element: Element, id: string): void {
    const previous = this.ids.get(element);
    if (previous === id) return;
    if (previous !== undefined) this.counts.setVisible(previous, false);
    this.ids.set(element, id);
    this.observer?.unobserve(element);
    this.observer?.observe(element);
  }

  forget(element: Element): void {
    const id = this.ids.get(element);
    this.ids.delete(element);
    this.observer?.unobserve(element);
    if (id !== undefined) this.counts.setVisible(id, false);
  }
}

@Directive({ selector: '[appInView]' })
export class InViewDirective {
  readonly appInView = input.required<string>();

  constructor() {
    const visibility = inject(RowVisibility);
    const element = inject<ElementRef<Element>>(ElementRef).nativeElement;
    effect(() => visibility.watch(element, this.appInView()));
    inject(DestroyRef).onDestroy(() => visibility.forget(element));
  }
}
