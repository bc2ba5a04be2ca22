import { DOCUMENT, Injectable, effect, inject, signal } from '@angular/core';

import { readStorage, writeStorage } from '../i18n/language.service';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
const STORAGE_KEY = 'session-console.theme';

/**
 * Light, dark or follow-system. The Material 3 theme is written with `light-dark()` colours, so
 * switching only sets `color-scheme` on the root element: no second stylesheet is loaded.
 */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly document = inject(DOCUMENT);
  readonly themes = THEMES;
  readonly theme = signal<Theme>(parseTheme(readStorage(STORAGE_KEY)));

  constructor() {
    effect(() => {
      const theme = this.theme();
      this.document.documentElement.style.colorScheme = theme === 'system' ? 'light dark' : theme;
      writeStorage(STORAGE_KEY, theme);
    });
  }
}

function parseTheme(value: string | null): Theme {
  return (THEMES as readonly (string | null)[]).includes(value) ? (value as Theme) : 'system';
}
