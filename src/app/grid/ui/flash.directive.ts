import { DestroyRef, Directive, ElementRef, effect, inject, input } from '@angular/core';

const FLASH_MS = 2500;

/**
 * Briefly highlights the host (a row) when `appFlash` takes a new token: the row's status or
 * submission flags changed, or its counts gained errors, since the previous refresh. The first
 * token a row shows only arms it — rows are not "changed" when they appear or scroll into view —
 * and a recycled row (virtual scroll) re-arms when it starts showing another id (`appFlashFor`).
 * The colour is CSS's (`.flash`), so it follows the light or dark theme.
 */
@Directive({ selector: '[appFlash]' })
export class FlashDirective {
  readonly appFlash = input<number | undefined>();
  readonly appFlashFor = input<string>('');
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private seen: number | undefined;
  private id: string | undefined;
  private timer?: ReturnType<typeof setTimeout>;

  constructor() {
    effect(() => {
      const token = this.appFlash();
      const id = this.appFlashFor();
      if (id !== this.id) {
        this.id = id;
        this.seen = token;
        this.stop();
        return;
      }
      if (token === undefined || token === this.seen) return;
      this.seen = token;
      this.stop();
      this.element.classList.add('flash');
      this.timer = setTimeout(() => this.end(), FLASH_MS);
    });
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Every row that scrolls in or out stops: only a pending highlight has a timer to clear. */
  private stop(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.end();
  }

  private end(): void {
    this.timer = undefined;
    this.element.classList.remove('flash');
  }
}
