import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

import { type Language, LANGUAGES, isLanguage } from './catalog-loader';

const STORAGE_KEY = 'session-console.language';

/** The active language: remembered per browser, otherwise taken from the browser's own. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  readonly languages = LANGUAGES;
  readonly current = signal<Language>('en');

  init(): void {
    const stored = readStorage(STORAGE_KEY);
    const browser = (globalThis.navigator?.language ?? 'en').slice(0, 2);
    this.use(isLanguage(stored) ? stored : isLanguage(browser) ? browser : 'en');
  }

  use(language: Language): void {
    this.current.set(language);
    this.document.documentElement.lang = language;
    writeStorage(STORAGE_KEY, language);
    this.translate.use(language);
  }
}

export function readStorage(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage may be full or disabled (private mode): preferences then last for the tab only.
  }
}
