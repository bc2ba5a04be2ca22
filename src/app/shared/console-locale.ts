import { Injectable, computed, inject } from '@angular/core';

import { LanguageService } from '../i18n/language.service';
import { formatDurationExact } from './duration-format';
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  formatExactDateTime,
} from './format';

/**
 * The console's one way to write numbers, dates, durations and sizes: in the console's language (not the
 * browser's region), so a date reads the same in a grid cell and on an inspection page.
 * Recomputed when the language changes.
 */
@Injectable({ providedIn: 'root' })
export class ConsoleLocale {
  private readonly language = inject(LanguageService);

  readonly locale = computed<string>(() => this.language.current());

  date(epochMs: number): string {
    return formatDateTime(new Date(epochMs), this.locale());
  }

  /** The exact instant, for a tooltip: full local date and zone, then UTC ISO with milliseconds. */
  exactDate(epochMs: number): string {
    return formatExactDateTime(epochMs, this.locale());
  }

  number(value: number): string {
    return formatCount(value, this.locale());
  }

  /** The console's one duration form (shared/duration-format.ts); '' when there is none. */
  duration(ms: number | undefined): string {
    return formatDuration(ms, this.locale());
  }

  /** Every unit, for tooltips. */
  exactDuration(ms: number): string {
    return formatDurationExact(ms, this.locale());
  }

  bytes(value: number): string {
    return formatBytes(value, this.locale());
  }
}
