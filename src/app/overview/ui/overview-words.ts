import { Injectable, inject } from '@angular/core';

import { GridI18n } from '../../grid/ui/grid-i18n';
import { GridLocale } from '../../grid/ui/grid-locale';
import type { Attention } from '../model/attention';
import { type Eta, spokenDuration } from '../model/progress';

/** The overview's numbers and estimates in words of the active language (recomputed on change). */
@Injectable({ providedIn: 'root' })
export class OverviewWords {
  private readonly i18n = inject(GridI18n);
  private readonly locale = inject(GridLocale);

  t(key: string, params?: Record<string, unknown>): string {
    return this.i18n.t(key, params);
  }

  number(value: number): string {
    return this.locale.number(value);
  }

  /** Tasks per minute: one decimal below 10 (a slow session still shows progress). */
  rate(perMinute: number): string {
    const rounded = perMinute < 10 ? Math.round(perMinute * 10) / 10 : Math.round(perMinute);
    return this.locale.number(rounded);
  }

  duration(ms: number): string {
    const { key, params } = spokenDuration(ms);
    return this.i18n.t(`overview.duration.${key}`, params);
  }

  /** "About 12 min at the last 5 min's rate", with its uncertainty said in words. */
  eta(eta: Eta): string {
    switch (eta.kind) {
      case 'measuring':
        return this.i18n.t('overview.eta.measuring');
      case 'done':
        return this.i18n.t('overview.eta.done');
      case 'noProgress':
        return this.i18n.t('overview.eta.noProgress', {
          span: this.duration(eta.spanMs),
          left: this.number(eta.left),
        });
      case 'eta':
        return this.i18n.t(eta.steady ? 'overview.eta.steady' : 'overview.eta.rough', {
          eta: this.duration(eta.ms),
          span: this.duration(eta.spanMs),
          rate: this.rate(eta.perMinute),
          left: this.number(eta.left),
        });
    }
  }

  /** A reason in plain words, e.g. "12 tasks waiting, none finished for 42 min". */
  reason(attention: Attention): string {
    const f = attention.facts;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(f))
      params[key] = key.endsWith('Ms') ? this.duration(value) : this.number(value);
    const variant = attention.variant ? 'SinceOpened' : '';
    return this.i18n.t(`overview.attention.reasons.${attention.kind}${variant}`, params);
  }
}
