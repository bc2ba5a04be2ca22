import { type Routes } from '@angular/router';

import { routes } from './app.routes';
import { provideTooltipDefaults } from './tooltip-defaults';

/**
 * Every feature route under one componentless parent, loaded lazily by app.config.ts: what the
 * features share but the shell's first paint does not need (the tooltip defaults, and with them
 * the tooltip and overlay code) is provided here, out of the initial bundle.
 */
export default [
  { path: '', providers: [provideTooltipDefaults()], children: routes },
] satisfies Routes;
