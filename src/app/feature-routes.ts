import { type Routes } from '@angular/router';

import { routes } from './app.routes';
import { provideDialogDefaults } from './dialog-defaults';
import { provideTooltipDefaults } from './tooltip-defaults';

/**
 * Every feature route under one componentless parent, loaded lazily by app.config.ts: what the
 * features share but the shell's first paint does not need (the tooltip and dialog defaults, and
 * with them the tooltip, dialog and overlay code) is provided here, out of the initial bundle.
 */
export default [
  { path: '', providers: [provideTooltipDefaults(), provideDialogDefaults()], children: routes },
] satisfies Routes;
