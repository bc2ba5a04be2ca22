import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslateService } from '@ngx-translate/core';

import type { CountGroup } from '../model/counts';

/**
 * Translations for code (computed signals, aria strings built in TypeScript): `t()` reads the
 * active language as a signal, so whatever calls it is recomputed when the language changes or
 * its catalog finishes loading.
 */
@Injectable({ providedIn: 'root' })
export class GridI18n {
  private readonly translate = inject(TranslateService);
  private readonly change = toSignal(this.translate.onLangChange);

  t(key: string, params?: Record<string, unknown>): string {
    this.change();
    return this.translate.instant(key, params) as string;
  }

  /** A count group's name: the user's own words, else the translated default. */
  groupName(group: CountGroup): string {
    return group.name.trim() !== '' ? group.name : this.t(group.labelKey ?? group.id);
  }
}
