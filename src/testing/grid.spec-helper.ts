import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type Type, provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';

import en from '../app/i18n/en.json';
import type { ListRequest } from '../app/grid/model/definition';
import { GridStore } from '../app/grid/state/grid.store';
import { GridPreferencesStore } from '../app/grid/state/preferences.store';
import { provideGrid } from '../app/grid/state/provide-grid';
import { GRID_STORAGE, memoryStorage } from '../app/grid/state/storage';
import { WIDGETS, type Widget } from './widgets.spec-helper';

/**
 * A grid component as an operator meets it: on a real grid store of the test resource, at a URL,
 * in English (the real catalog, so harnesses find controls by the words on screen). The list
 * pages `rows` (ignoring filters); `listCalls` records every List request the grid sent.
 */
export async function openGridComponent<C>(
  component: Type<C>,
  options: { readonly url?: string; readonly rows?: readonly Widget[] } = {},
) {
  const listCalls: ListRequest[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([{ path: '**', children: [] }]),
      provideTranslateService({ lang: 'en' }),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: GRID_STORAGE, useValue: memoryStorage() },
      provideGrid({
        ...WIDGETS,
        list: () => async (request) => {
          listCalls.push(request);
          const rows = options.rows ?? [];
          const start = request.page * request.pageSize;
          return { rows: rows.slice(start, start + request.pageSize), total: rows.length };
        },
      }),
    ],
  });
  const translate = TestBed.inject(TranslateService);
  translate.setTranslation('en', en);
  translate.use('en');
  const router = TestBed.inject(Router);
  await router.navigateByUrl(options.url ?? '/');
  const fixture: ComponentFixture<C> = TestBed.createComponent(component);
  await fixture.whenStable();
  const loader: HarnessLoader = TestbedHarnessEnvironment.loader(fixture);
  const documentLoader: HarnessLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
  return {
    fixture,
    router,
    loader,
    documentLoader,
    listCalls,
    store: TestBed.inject(GridStore) as GridStore<Widget>,
    preferences: TestBed.inject(GridPreferencesStore),
  };
}
