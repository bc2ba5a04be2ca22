import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_ICON_DEFAULT_OPTIONS } from '@angular/material/icon';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';

import { provideActionJournal } from './activity';
import { RUNTIME_CONFIG, type RuntimeConfig, DEFAULT_RUNTIME_CONFIG } from './api/runtime-config';
import { CatalogLoader } from './i18n/catalog-loader';
import { LanguageService } from './i18n/language.service';

/** The lazy parent of every feature route (main.ts warms it on a cold load, app.first-route.ts). */
export const featureRoutes = () => import('./feature-routes');

export function appConfig(runtime: RuntimeConfig = DEFAULT_RUNTIME_CONFIG): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      // The feature routes load behind one lazy parent (feature-routes.ts) that provides what they
      // share, so that the initial bundle holds the shell alone.
      provideRouter([{ path: '', loadChildren: featureRoutes }], withComponentInputBinding()),
      { provide: RUNTIME_CONFIG, useValue: runtime },
      // The sessions folder writes the journal through a port that activity/ implements.
      provideActionJournal(),
      provideTranslateService({
        // A factory, not the class: ngx-translate tells classes from factories by their source text,
        // which a production bundle rewrites (`var p=class{…}`).
        loader: provideTranslateLoader(() => new CatalogLoader()),
        fallbackLang: 'en',
      }),
      provideAppInitializer(() => inject(LanguageService).init()),
      { provide: MAT_ICON_DEFAULT_OPTIONS, useValue: { fontSet: 'material-symbols-outlined' } },
    ],
  };
}
