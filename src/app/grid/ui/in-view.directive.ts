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
 * A row that enters the viewport is reported once the rows in view have held still this long
 * (or, while a scroll goes on, once every `MAX_WAIT_MS`): rows an operator scrolls past at speed
 * cost no count call (bench section 7: one call each, with its fetch, before).
 */
export const SETTLE_MS = 150;
export const MAX_WAIT_MS = 1000;

/**
 * One IntersectionObserver for the rows of a grid: rows report when they enter or leave the
 * table's scrolling viewport, so per-row counts are fetched for rows on screen only. With the
 * virtual scroll, rows far from view are not even rendered, and a recycled row element reports
 * its new row. Rows entering are reported once the scroll settles (`SETTLE_MS`); the idle signal
 * waits for that too.
 */
@Injectable()
export class RowVisibility {
  private readonly counts = inject(GridCountsStore);
  private readonly ids = new Map<Element, string>();
  private observer?: IntersectionObserver;
  /** Rows watched but not yet reported by the observer; the idle signal waits for them. */
  private readonly unreported = new Set<Element>();
  private releaseIdle: (() => void) | undefined;
  /** Rows in view not yet reported to the counts (they wait for the scroll to settle). */
  private readonly entering = new Set<string>();
  private settleTimer?: ReturnType<typeof setTimeout>;
  private waitTimer?: ReturnType<typeof setTimeout>;
  private lastEntered = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.observer?.disconnect();
      clearTimeout(this.settleTimer);
      clearTimeout(this.waitTimer);
      this.entering.clear();
      this.reported([...this.unreported]);
    });
  }

  private reported(elements: readonly Element[]): void {
    for (const element of elements) this.unreported.delete(element);
    if (this.unreported.size > 0 || this.entering.size > 0) return;
    this.releaseIdle?.();
    this.releaseIdle = undefined;
  }

  /** Rows entering wait for the settle; rows leaving are reported at once (nothing to fetch). */
  private seen(id: string, inView: boolean): void {
    if (!inView) {
      this.entering.delete(id);
      this.counts.setVisible(id, false);
      return;
    }
    this.entering.add(id);
    this.releaseIdle ??= holdIdle();
    // One timer that looks again when it fires, rather than one cleared and set per row
    // (Chromium's clearTimeout is not free, and rows enter on every wheel step).
    this.lastEntered = Date.now();
    this.settleTimer ??= setTimeout(() => this.settleIfQuiet(), SETTLE_MS);
    this.waitTimer ??= setTimeout(() => this.settle(), MAX_WAIT_MS);
  }

  private settleIfQuiet(): void {
    this.settleTimer = undefined;
    const quiet = Date.now() - this.lastEntered;
    if (quiet >= SETTLE_MS) this.settle();
    else this.settleTimer = setTimeout(() => this.settleIfQuiet(), SETTLE_MS - quiet);
  }

  private settle(): void {
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    if (this.waitTimer !== undefined) clearTimeout(this.waitTimer);
    this.settleTimer = this.waitTimer = undefined;
    for (const id of this.entering) this.counts.setVisible(id, true);
    this.entering.clear();
    this.reported([]);
  }

  /** The observer is made on the first row, when the scrolling viewport (its root) exists. */
  private observerFor(root: Element | null): IntersectionObserver | undefined {
    if (this.observer || typeof IntersectionObserver === 'undefined') return this.observer;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = this.ids.get(entry.target);
          if (id !== undefined) this.seen(id, entry.isIntersecting);
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
    if (previous !== undefined) this.seen(previous, false);
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
    if (id !== undefined) this.seen(id, false);
    this.reported([element]);
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
