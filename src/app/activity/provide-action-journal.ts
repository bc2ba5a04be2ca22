import { type Provider, inject } from '@angular/core';

import { ACTION_JOURNAL, type ActionJournal } from '../sessions/action-journal.port';
import { ActivityJournal } from './activity-journal';

/** Binds the sessions folder's journal port to this folder's journal (app.config.ts, at the root). */
export function provideActionJournal(): Provider {
  return { provide: ACTION_JOURNAL, useFactory: (): ActionJournal => inject(ActivityJournal) };
}
