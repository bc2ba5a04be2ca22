import { Injectable, inject } from '@angular/core';

import { GridI18n } from '../grid/ui/grid-i18n';
import { ConsoleLocale } from '../shared/console-locale';
import { type Eta, spokenDuration } from './progress';

/** Progress figures and estimates in words of the active language (recomputed on change). */
@Injectable({ providedIn: 'root' })
export class ProgressWords {
  private readonly i18n = inject(GridI18n);
  private readonly locale = inject(ConsoleLocale);

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
}
