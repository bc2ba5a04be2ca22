import { InjectionToken, type Provider } from '@angular/core';

import type { ResourceDefinition } from '../model/definition';
import { GridClock } from './clock';
import { GridCountsStore } from './counts.store';
import { GridPreferencesStore } from './preferences.store';
import { GridSelection } from './selection';
import { GridStore } from './grid.store';

/** The definition the grid page below this injector shows. */
export const GRID_DEFINITION = new InjectionToken<ResourceDefinition<unknown>>('GRID_DEFINITION');

/**
 * Everything one grid page needs, scoped to that page: a resource page lists
 * `providers: [provideGrid(SESSIONS)]` and renders `<app-grid-page>`.
 */
export function provideGrid<T>(definition: ResourceDefinition<T>): Provider[] {
  return [
    { provide: GRID_DEFINITION, useValue: definition },
    GridPreferencesStore,
    GridClock,
    GridSelection,
    GridStore,
    GridCountsStore,
  ];
}
