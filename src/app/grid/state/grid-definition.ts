import { InjectionToken } from '@angular/core';

import type { ResourceDefinition } from '../model/definition';

/**
 * The definition the grid page (or record view) below this injector shows. It lives beside the
 * stores that read it; pages provide it through `provideGrid` / `provideRecordView`.
 */
export const GRID_DEFINITION = new InjectionToken<ResourceDefinition<unknown>>('GRID_DEFINITION');
