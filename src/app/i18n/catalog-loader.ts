import { type TranslateLoader, type TranslationObject } from '@ngx-translate/core';
import { type Observable, from, map } from 'rxjs';

/** Languages the console ships; the first is the fallback. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

// Catalogs are bundled as lazy chunks: no HTTP loader, no extra round trip to a separate path,
// and unit tests use the very same catalogs. A chunk's URL is relative to the script that
// imports it, so a build served under a sub-path (base href /admin/) loads them from there.
const CATALOGS: Record<Language, () => Promise<{ default: TranslationObject }>> = {
  en: () => import('./en.json'),
  fr: () => import('./fr.json'),
};

export class CatalogLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    const load = CATALOGS[isLanguage(lang) ? lang : 'en'];
    return from(load()).pipe(map((module) => module.default));
  }
}
