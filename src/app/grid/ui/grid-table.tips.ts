import { DOCUMENT, DestroyRef, Directive, ElementRef, inject } from '@angular/core';

import { ConsoleLocale } from '../../shared/console-locale';

const SHOW_DELAY_MS = 500;
/** An element with a tip: its text, or a duration or an instant (ms) written exactly when shown. */
const TIPPED = '[data-tip], [data-tip-duration], [data-tip-instant]';

/**
 * One tooltip for the whole table: any descendant with `data-tip` shows its text on hover or
 * keyboard focus. A cell costs one attribute instead of a tooltip directive, its listeners and
 * its overlay; the bubble exists only while shown. What the tip says is also in the cell's text
 * or accessible description, so it is a convenience, never the only way to read something.
 * Durations and instants carry their value (`data-tip-duration`, `data-tip-instant`, in ms) and
 * are written exactly only when shown: every cell writing its exact form up front cost more
 * formatting than anything else a scroll step did (bench section 7).
 */
@Directive({ selector: '[appGridTips]' })
export class GridTipsDirective {
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly locale = inject(ConsoleLocale);
  private bubble?: HTMLElement;
  private timer?: ReturnType<typeof setTimeout>;
  private anchor?: HTMLElement;

  constructor() {
    // Plain DOM listeners, not Angular host bindings: a tip only touches the DOM, and a host
    // listener would run change detection on every pointer crossing — rows moving under a still
    // pointer while the grid scrolls fire one per wheel step (bench section 7).
    const listen = (type: string, handler: (event: Event) => void, capture = false) =>
      this.host.addEventListener(type, handler, { capture, passive: true });
    listen('pointerover', (event) => this.over(event));
    listen('pointerout', (event) => this.out(event as PointerEvent));
    listen('focusin', (event) => this.over(event));
    listen('focusout', () => this.hide());
    listen('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') this.hide();
    });
    listen('scroll', () => this.hide(), true);
    inject(DestroyRef).onDestroy(() => this.hide());
  }

  private over(event: Event): void {
    const target =
      event.target instanceof Element ? event.target.closest<HTMLElement>(TIPPED) : null;
    if (!target || !this.host.contains(target)) return;
    if (target === this.anchor) return;
    this.hide();
    this.anchor = target;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.show(target);
    }, SHOW_DELAY_MS);
  }

  private out(event: PointerEvent): void {
    const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
    if (this.anchor && to && this.anchor.contains(to)) return;
    this.hide();
  }

  hide(): void {
    // Only a pending timer is cleared: hide runs on every scroll event, and Chromium's
    // clearTimeout is not free (bench section 7).
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.anchor = undefined;
    this.bubble?.remove();
    this.bubble = undefined;
  }

  private tipOf(target: HTMLElement): string {
    const { tip, tipDuration, tipInstant } = target.dataset;
    if (tipDuration !== undefined) return this.locale.exactDuration(Number(tipDuration));
    if (tipInstant !== undefined) return this.locale.exactDate(Number(tipInstant));
    return tip ?? '';
  }

  private show(target: HTMLElement): void {
    const text = this.tipOf(target);
    if (text === '' || !target.isConnected) return;
    const bubble = this.document.createElement('div');
    bubble.className = 'app-grid-tip';
    bubble.setAttribute('role', 'tooltip');
    bubble.textContent = text;
    this.document.body.appendChild(bubble);
    const box = target.getBoundingClientRect();
    const tip = bubble.getBoundingClientRect();
    const view = this.document.documentElement;
    const below = box.bottom + 6 + tip.height <= view.clientHeight;
    const left = Math.max(
      4,
      Math.min(view.clientWidth - tip.width - 4, box.left + box.width / 2 - tip.width / 2),
    );
    bubble.style.left = `${left}px`;
    bubble.style.top = `${below ? box.bottom + 6 : box.top - 6 - tip.height}px`;
    this.bubble = bubble;
  }
}
