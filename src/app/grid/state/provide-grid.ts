import { type Provider } from '@angular/core';

import type { ResourceDefinition } from '../model/definition';
import { GridClock } from './clock';
import { GridCountsStore } from './counts.store';
import { GRID_DEFINITION } from './grid-definition';
import { GridPreferencesStore } from './preferences.store';
import { GridSelection } from './selection';
import { GridStore } from './grid.store';

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

/**
 * What `<app-record-view>` needs to show one row of a resource with the grid's own cells (an
 * inspection page): `providers: [provideRecordView(TASKS)]`.
 */
export function provideRecordView<T>(definition: ResourceDefinition<T>): Provider[] {
  return [{ provide: GRID_DEFINITION, useValue: definition }];
}
