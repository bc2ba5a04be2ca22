import { Injectable } from '@angular/core';

import type { Attention } from '../model/attention';
import { ProgressWords } from '../../progress';

/** The overview's words: the progress ones, and the attention list's reasons. */
@Injectable({ providedIn: 'root' })
export class OverviewWords extends ProgressWords {
  /** A reason in plain words, e.g. "12 tasks waiting, none finished for 42 min". */
  reason(attention: Attention): string {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(attention.facts))
      params[key] = key.endsWith('Ms') ? this.duration(value) : this.number(value);
    const variant = attention.variant ? 'SinceOpened' : '';
    return this.t(`overview.attention.reasons.${attention.kind}${variant}`, params);
  }
}
