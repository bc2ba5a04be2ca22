import { Injectable, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslateService } from '@ngx-translate/core';
import { map } from 'rxjs';

/**
 * Number and date formats of the active language, in the user's own region and time zone when
 * the browser's language matches (en-GB, fr-CA…). Recomputed when the language changes.
 */
@Injectable({ providedIn: 'root' })
export class GridLocale {
  private readonly translate = inject(TranslateService);
  private readonly language = toSignal(
    this.translate.onLangChange.pipe(map((event) => event.lang)),
    { initialValue: this.translate.getCurrentLang() ?? 'en' },
  );

  readonly locale = computed(() => {
    const language = this.language() ?? 'en';
    const browser = globalThis.navigator?.language ?? language;
    return browser.toLowerCase().startsWith(language.toLowerCase()) ? browser : language;
  });

  private readonly dateFormat = computed(
    () => new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium', timeStyle: 'medium' }),
  );
  private readonly exactFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.locale(), {
        dateStyle: 'full',
        timeStyle: 'long',
        // fractionalSecondDigits is not allowed together with timeStyle: the ISO form below has them.
      }),
  );
  private readonly numberFormat = computed(() => new Intl.NumberFormat(this.locale()));

  date(epochMs: number): string {
    return this.dateFormat().format(epochMs);
  }

  /** The exact instant, for a tooltip: full local date and zone, then UTC ISO with milliseconds. */
  exactDate(epochMs: number): string {
    return `${this.exactFormat().format(epochMs)} — ${new Date(epochMs).toISOString()}`;
  }

  number(value: number): string {
    return this.numberFormat().format(value);
  }

  /** 1 536 → "1.5 kB" (decimal units, as storage is sold and shown by most tools). */
  bytes(value: number): string {
    const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
    let unit = 0;
    let scaled = value;
    while (Math.abs(scaled) >= 1000 && unit < units.length - 1) {
      scaled /= 1000;
      unit++;
    }
    const digits = unit === 0 ? 0 : scaled < 10 ? 1 : 0;
    return `${new Intl.NumberFormat(this.locale(), { maximumFractionDigits: digits }).format(scaled)} ${units[unit]}`;
  }
}
