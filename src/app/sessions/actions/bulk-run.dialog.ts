import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';

import { LanguageService } from '../../i18n/language.service';
import { formatCount } from '../../shared/format';
import { ActionExecutor } from './action-executor';
import { type StopSubmissionChoice } from './action-request';
import { type BulkPlan } from './bulk-planner';
import { reportText, sortReport } from './bulk-report';
import { type BulkReportLine, BulkRun } from './bulk-runner';
import { CopyToClipboard } from '../../shared/clipboard';
import { statusLabelKey } from './status-label';
import { DISMISSED } from '../../shared/dialog-result';

export interface BulkRunDialogData {
  readonly plan: BulkPlan;
  readonly stop?: StopSubmissionChoice;
}

/**
 * Runs a confirmed bulk action: a progress bar, a Stop button (calls on the wire finish, the rest
 * are not sent), then the per-session report — succeeded, skipped, failed with the server's
 * reason — which can be copied.
 */
@Component({
  selector: 'app-bulk-run-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bulk-run.dialog.html',
  styleUrl: './bulk-run.dialog.scss',
})
export class BulkRunDialog {
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
  private readonly data = inject<BulkRunDialogData>(MAT_DIALOG_DATA);
  private readonly executor = inject(ActionExecutor);
  private readonly clipboard = inject(CopyToClipboard);
  private readonly language = inject(LanguageService);

  protected readonly action = this.data.plan.action;
  protected readonly run = new BulkRun(
    this.data.plan,
    (request) => this.executor.execute(request, 'bulk'),
    this.data.stop,
  );
  protected readonly report = computed(() => sortReport(this.run.lines()));
  protected readonly statusLabelKey = statusLabelKey;

  constructor() {
    this.run.start();
  }

  protected format(value: number): string {
    return formatCount(value, this.language.current());
  }

  protected copyReport(): void {
    this.clipboard.copy(reportText(this.action, this.run.lines()), 'actions.bulk.reportCopied');
  }

  protected trackLine(line: BulkReportLine): string {
    return line.sessionId;
  }
}
