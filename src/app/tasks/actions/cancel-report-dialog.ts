import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { lookOf } from '../../grid/status-lookup';
import { StatusChip } from '../../grid/ui/status-chip';
import { TASK_STATUSES } from '../task-status';
import { CANCEL_OUTCOMES, type CancelLine, countOutcomes } from './cancel-plan';
import { DISMISSED } from '../../shared/dialog-result';

export interface CancelReportData {
  readonly lines: readonly CancelLine[];
}

/** What became of each task a cancel asked for: never "done" for a task that was not cancelled. */
@Component({
  selector: 'app-cancel-report-dialog',
  imports: [MatButtonModule, MatDialogModule, RouterLink, StatusChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'tasks.cancel.report.title' | translate }}</h2>
    <mat-dialog-content>
      <ul class="summary" role="status">
        @for (outcome of outcomes; track outcome) {
          @if (counts[outcome] > 0) {
            <li [class]="outcome">
              {{ 'tasks.cancel.report.summary.' + outcome | translate: { count: counts[outcome] } }}
            </li>
          }
        }
      </ul>
      <table class="lines" [attr.aria-label]="'tasks.cancel.report.tableLabel' | translate">
        <thead>
          <tr>
            <th scope="col">{{ 'tasks.columns.id' | translate }}</th>
            <th scope="col">{{ 'tasks.cancel.report.outcome' | translate }}</th>
            <th scope="col">{{ 'tasks.columns.status' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (line of data.lines; track line.taskId) {
            <tr>
              <td>
                <a
                  class="mono"
                  [mat-dialog-close]="dismissed"
                  [routerLink]="['/tasks', line.taskId]"
                  >{{ line.taskId }}</a
                >
              </td>
              <td [class]="line.outcome">
                {{ 'tasks.cancel.report.outcomes.' + line.outcome | translate }}
                @if (line.reason) {
                  <span class="reason">{{ line.code }}: {{ line.reason }}</span>
                }
              </td>
              <td>
                @if (line.status !== undefined) {
                  @let look = statusLook(line.status);
                  <app-status-chip [look]="look" [label]="statusLabel(look.key) | translate" />
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" [mat-dialog-close]="dismissed">
        {{ 'tasks.cancel.report.close' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .summary {
      margin: 0 0 12px;
      padding-left: 20px;
    }
    .lines {
      border-collapse: collapse;
      width: 100%;
    }
    .lines th,
    .lines td {
      text-align: left;
      padding: 4px 12px 4px 0;
      vertical-align: top;
    }
    .lines a {
      color: var(--mat-sys-primary);
      overflow-wrap: anywhere;
    }
    .reason {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .failed,
    .unchanged,
    .notFound {
      color: var(--mat-sys-error);
    }
    .cancelled {
      color: var(--app-success);
    }
  `,
})
export class CancelReportDialog {
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
  protected readonly data = inject<CancelReportData>(MAT_DIALOG_DATA);
  protected readonly outcomes = CANCEL_OUTCOMES;
  protected readonly counts = countOutcomes(this.data.lines);

  protected statusLook(status: number) {
    return lookOf(TASK_STATUSES, status);
  }

  protected statusLabel(key: string): string {
    return TASK_STATUSES.label(key);
  }
}
