import { Directive, ElementRef, effect, inject, input } from '@angular/core';

/**
 * Briefly highlights the host when `appFlash` takes a new token (a row whose status or counts
 * changed since the previous refresh). The first value only arms it: rows are not "changed" when
 * they first appear.
 */
@Directive({ selector: '[appFlash]' })
export class FlashDirective {
  readonly appFlash = input<number | undefined>();
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);
  private seen: number | undefined;

  constructor() {
    effect(() => {
      const token = this.appFlash();
      if (token === undefined || token === this.seen) return;
      const first = this.seen === undefined && token < Date.now() - 3000;
      this.seen = token;
      if (first) return;
      this.element.nativeElement.classList.add('flash');
      this.element.nativeElement.animate?.(
        [{ backgroundColor: 'var(--app-highlight)' }, { backgroundColor: 'transparent' }],
        { duration: 2500, easing: 'ease-out' },
      );
      setTimeout(() => this.element.nativeElement.classList.remove('flash'), 2500);
    });
  }
}
