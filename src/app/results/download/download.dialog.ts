import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';

import type { ResultRaw } from '../../../../proto/gen/armonik/api/grpc/v1/results_common_pb';
import { ResultDownload } from './result-download';
import { DISMISSED } from '../../shared/dialog-result';

/** The download of one result, from the grid: progress and cancel, without leaving the page. */
@Component({
  selector: 'app-download-dialog',
  imports: [MatButtonModule, MatDialogModule, ResultDownload, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'results.download.title' | translate }}</h2>
    <mat-dialog-content>
      <p class="mono id">{{ result.name || result.resultId }}</p>
      <app-result-download [result]="result" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="dismissed">
        {{ 'common.close' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .id {
      overflow-wrap: anywhere;
    }
  `,
})
export class DownloadDialog {
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
  protected readonly result = inject<ResultRaw>(MAT_DIALOG_DATA);
}
