import { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import {
  DestroyRef,
  Directive,
  ElementRef,
  Injectable,
  inject,
  input,
  effect,
} from '@angular/core';

import { holdIdle } from '../../api/transport';
import { GridCountsStore } from '../state/counts.store';

/** Counts are fetched a little ahead of the viewport, so they are there when the row scrolls in. */
const AHEAD = '120px 0px';

/**
 * One IntersectionObserver for the rows of a grid: rows report when they enter or leave the
 * table's scrolling viewport, so per-row counts are fetched for rows on screen only. With the
 * virtual scroll, rows far from view are not even rendered, and a recycled row element reports
 * its new row.
 */
@Injectable()
export class RowVisibility {
  private readonly counts = inject(GridCountsStore);
  private readonly ids = new Map<Element, string>();
  private observer?: IntersectionObserver;
  /** Rows watched but not yet reported by the observer; the idle signal waits for them. */
  private readonly unreported = new Set<Element>();
  private releaseIdle: (() => void) | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.observer?.disconnect();
      this.reported([...this.unreported]);
    });
  }

  private reported(elements: readonly Element[]): void {
    for (const element of elements) this.unreported.delete(element);
    if (this.unreported.size > 0) return;
    this.releaseIdle?.();
    this.releaseIdle = undefined;
  }

  /** The observer is made on the first row, when the scrolling viewport (its root) exists. */
  private observerFor(root: Element | null): IntersectionObserver | undefined {
    if (this.observer || typeof IntersectionObserver === 'undefined') return this.observer;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = this.ids.get(entry.target);
          if (id !== undefined) this.counts.setVisible(id, entry.isIntersecting);
        }
        this.reported(entries.map((entry) => entry.target));
      },
      { root, rootMargin: AHEAD },
    );
    return this.observer;
  }

  watch(element: Element, id: string, root: Element | null = null): void {
    const previous = this.ids.get(element);
    if (previous === id) return;
    if (previous !== undefined) this.counts.setVisible(previous, false);
    this.ids.set(element, id);
    const observer = this.observerFor(root);
    if (!observer) return;
    this.unreported.add(element);
    this.releaseIdle ??= holdIdle();
    observer.unobserve(element);
    observer.observe(element);
  }

  forget(element: Element): void {
    const id = this.ids.get(element);
    this.ids.delete(element);
    this.observer?.unobserve(element);
    this.reported([element]);
    if (id !== undefined) this.counts.setVisible(id, false);
  }
}

@Directive({ selector: '[appInView]' })
export class InViewDirective {
  readonly appInView = input.required<string>();

  constructor() {
    const visibility = inject(RowVisibility);
    const element = inject<ElementRef<Element>>(ElementRef).nativeElement;
    const root =
      inject(CdkVirtualScrollViewport, { optional: true })?.elementRef.nativeElement ?? null;
    effect(() => visibility.watch(element, this.appInView(), root));
    inject(DestroyRef).onDestroy(() => visibility.forget(element));
  }
}
