import { type Provider } from '@angular/core';
import {
  MAT_TOOLTIP_DEFAULT_OPTIONS,
  type MatTooltipDefaultOptions,
} from '@angular/material/tooltip';

/**
 * The console's tooltip timing: a short delay so that sweeping the pointer over a grid does not
 * flash a tooltip on every cell. Provided by the lazy parent of the feature routes and by the
 * shell's deferred status bar, never from app.config.ts: importing the tooltip's token there
 * would put the tooltip and the CDK overlay (≈ 25 kB gzip) in the initial bundle.
 */
export const TOOLTIP_DEFAULTS: MatTooltipDefaultOptions = {
  showDelay: 300,
  hideDelay: 0,
  touchendHideDelay: 1500,
};

export function provideTooltipDefaults(): Provider {
  return { provide: MAT_TOOLTIP_DEFAULT_OPTIONS, useValue: TOOLTIP_DEFAULTS };
}
