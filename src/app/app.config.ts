import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_ICON_DEFAULT_OPTIONS } from '@angular/material/icon';
import { MAT_TOOLTIP_DEFAULT_OPTIONS } from '@angular/material/tooltip';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';

import { RUNTIME_CONFIG, type RuntimeConfig, DEFAULT_RUNTIME_CONFIG } from './api/runtime-config';
import { routes } from './app.routes';
import { CatalogLoader } from './i18n/catalog-loader';
import { LanguageService } from './i18n/language.service';

export function appConfig(runtime: RuntimeConfig = DEFAULT_RUNTIME_CONFIG): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      provideRouter(routes, withComponentInputBinding()),
      { provide: RUNTIME_CONFIG, useValue: runtime },
      provideTranslateService({
        // A factory, not the class: ngx-translate tells classes from factories by their source text,
        // which a production bundle rewrites (`var p=class{…}`).
        loader: provideTranslateLoader(() => new CatalogLoader()),
        fallbackLang: 'en',
      }),
      provideAppInitializer(() => inject(LanguageService).init()),
      { provide: MAT_ICON_DEFAULT_OPTIONS, useValue: { fontSet: 'material-symbols-outlined' } },
      {
        provide: MAT_TOOLTIP_DEFAULT_OPTIONS,
        useValue: { showDelay: 300, hideDelay: 0, touchendHideDelay: 1500 },
      },
    ],
  };
}
