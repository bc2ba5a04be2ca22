import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type Type, provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import {
  TranslateService,
  provideTranslateLoader,
  provideTranslateService,
} from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';

import { CatalogLoader } from '../app/i18n/catalog-loader';
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

/**
 * A host component's grid table as laid out on a screen, for the specs that render the real
 * virtual-scrolling table: jsdom lays nothing out, so the viewport is given a screen's height.
 * Call from the spec's `beforeEach`.
 */
export function fakeScreenForVirtualScroll(): void {
  jest.spyOn(CdkVirtualScrollViewport.prototype, 'getViewportSize').mockReturnValue(800);
  Element.prototype.scrollTo ??= function scrollTo() {};
}

/**
 * TestBed for a grid host on the test resource, in English from the real catalog, with the
 * widgets' saved preferences showing `columns` (10 rows a page, no auto-refresh).
 */
export async function configureWidgetGridHost(columns: readonly string[]): Promise<void> {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([{ path: '**', children: [] }]),
      provideTranslateService({
        loader: provideTranslateLoader(() => new CatalogLoader()),
        fallbackLang: 'en',
      }),
      {
        provide: GRID_STORAGE,
        useValue: memoryStorage({
          'session-console.grid.widgets.preferences': JSON.stringify({
            columns,
            customColumns: [],
            pageSize: 10,
            refreshMs: 0,
            density: 'comfortable',
          }),
        }),
      },
    ],
  });
  await firstValueFrom(TestBed.inject(TranslateService).use('en'));
  await TestBed.inject(Router).navigateByUrl('/');
}

/** Lets a rendered grid settle: the virtual scroll draws its rows on the next animation frame. */
export async function settleGrid(fixture: ComponentFixture<unknown>): Promise<void> {
  await fixture.whenStable();
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  await fixture.whenStable();
}
