import { ErrorHandler, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';

import { TASKS_CLIENT } from '../api/clients';
import en from '../i18n/en.json';
import { SessionProgress } from './session-progress';
import { sessionOf } from '../../testing/filters.spec-helper';

describe('SessionProgress', () => {
  it('reads the counts of the session it shows, and of the next one when the id changes', async () => {
    const counted: unknown[] = [];
    const errors: unknown[] = [];
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideRouter([]),
        provideTranslateService({ lang: 'en' }),
        {
          provide: ErrorHandler,
          useValue: { handleError: (error: unknown) => errors.push(error) },
        },
        {
          provide: TASKS_CLIENT,
          useValue: {
            countTasksByStatus: async (request: never) => {
              counted.push(sessionOf(request));
              return { status: [] };
            },
          },
        },
      ],
    });
    TestBed.inject(TranslateService).setTranslation('en', en);
    TestBed.inject(TranslateService).use('en');
    const fixture = TestBed.createComponent(SessionProgress);
    fixture.componentRef.setInput('sessionId', 'first');
    await fixture.whenStable();
    fixture.componentRef.setInput('sessionId', 'second');
    await fixture.whenStable();

    // The loop of each id starts outside the constructor: it must not need an injection context.
    expect(errors).toEqual([]);
    expect(counted).toEqual(['first', 'second']);
    fixture.destroy();
  });
});
