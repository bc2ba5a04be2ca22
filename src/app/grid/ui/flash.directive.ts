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
      const element = this.element.nativeElement;
      // Keyframes take resolved colours, not var(): read the theme's highlight (light or dark).
      const highlight =
        getComputedStyle(element).getPropertyValue('--app-highlight').trim() || '#fff3c4';
      element.classList.add('flash');
      element.animate?.([{ backgroundColor: highlight }, { backgroundColor: 'transparent' }], {
        duration: 2500,
        easing: 'ease-out',
      });
      setTimeout(() => element.classList.remove('flash'), 2500);
    });
  }
}
