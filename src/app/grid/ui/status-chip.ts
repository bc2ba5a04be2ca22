import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

import type { StatusLook } from '../model/definition';
import { GridTipsDirective } from './grid-table.tips';

const TONE_COLOR: Readonly<Record<StatusLook['tone'], string>> = {
  success: 'var(--app-success)',
  info: 'var(--app-info)',
  warning: 'var(--app-warning)',
  danger: 'var(--mat-sys-error)',
  neutral: 'var(--app-neutral)',
};

/**
 * A status as a chip: icon + label in the status's tone (colour is never the only cue), and a
 * tooltip (also given to assistive technology as a description) saying what it means. Inside a
 * grid or record view, the container's one shared tooltip shows it (no tooltip per chip).
 */
@Component({
  selector: 'app-status-chip',
  imports: [MatIconModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (sharedTips) {
      <span
        class="chip"
        [style.--tone]="color()"
        [attr.data-tip]="tooltip() || null"
        [attr.aria-description]="tooltip() || null"
      >
        <mat-icon aria-hidden="true">{{ look().icon }}</mat-icon>
        <span class="label">{{ label() }}</span>
      </span>
    } @else {
      <span
        class="chip"
        [style.--tone]="color()"
        [matTooltip]="tooltip()"
        matTooltipClass="status-tooltip"
        [attr.aria-description]="tooltip() || null"
      >
        <mat-icon aria-hidden="true">{{ look().icon }}</mat-icon>
        <span class="label">{{ label() }}</span>
      </span>
    }`,
  styles: `
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 1px 10px 1px 6px;
      border-radius: 12px;
      white-space: nowrap;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface);
      border: 1px solid var(--tone);
      background: color-mix(in srgb, var(--tone) 10%, var(--mat-sys-surface));
    }
    mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
      color: var(--tone);
    }
  `,
})
export class StatusChip {
  protected readonly sharedTips = inject(GridTipsDirective, { optional: true }) !== null;
  readonly look = input.required<StatusLook>();
  readonly label = input.required<string>();
  readonly tooltip = input('');
  protected readonly color = computed(() => TONE_COLOR[this.look().tone]);
}
