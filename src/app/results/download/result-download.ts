import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { Subject, catchError, map, of, startWith, switchMap, tap } from 'rxjs';

import { type ApiError } from '../../api/api-error';
import type { ResultRaw } from '../../../../proto/gen/armonik/api/grpc/v1/results_common_pb';
import { ConsoleLocale } from '../../shared/console-locale';
import { saveBlob } from '../../shared/save-blob';
import {
  type DownloadProgress,
  downloadBlocker,
  downloadFileName,
  percentOf,
} from './download-progress';
import { ResultDownloader } from './result-downloader';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: DownloadProgress }
  | { readonly kind: 'done'; readonly bytes: number; readonly fileName: string }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'cancelled' };

/**
 * Download of a result's data with a determinate progress bar and a way to cancel; a result that
 * is not completed says why there is nothing to download.
 */
@Component({
  selector: 'app-result-download',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (blocker(); as reason) {
      <p class="blocked">
        <mat-icon aria-hidden="true">block</mat-icon>
        <span>{{ reason | translate }}</span>
      </p>
    } @else {
      @let current = state();
      <div class="actions">
        <button
          mat-flat-button
          type="button"
          [disabled]="current.kind === 'running'"
          (click)="start()"
        >
          <mat-icon aria-hidden="true">download</mat-icon>
          {{ 'results.download.button' | translate: { size: size() } }}
        </button>
        @if (current.kind === 'running') {
          <button mat-button type="button" (click)="cancel()">
            {{ 'results.download.cancel' | translate }}
          </button>
        }
      </div>
      @if (current.kind === 'running') {
        <mat-progress-bar
          mode="determinate"
          [value]="percent(current.progress)"
          [attr.aria-label]="'results.download.progressLabel' | translate"
        />
        <p role="status" class="progress">
          {{ 'results.download.progress' | translate: progressParams(current.progress) }}
        </p>
      } @else if (current.kind === 'done') {
        <p role="status" class="done">
          <mat-icon aria-hidden="true">check_circle</mat-icon>
          {{
            'results.download.done'
              | translate: { size: bytes(current.bytes), file: current.fileName }
          }}
        </p>
      } @else if (current.kind === 'failed') {
        <p role="alert" class="failed">
          <mat-icon aria-hidden="true">error</mat-icon>
          {{
            'results.download.failed'
              | translate: { code: current.error.codeName, reason: current.error.reason }
          }}
        </p>
      } @else if (current.kind === 'cancelled') {
        <p role="status">{{ 'results.download.cancelled' | translate }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
    }
    .actions {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .blocked,
    .done,
    .failed {
      display: flex;
      gap: 8px;
      align-items: center;
      margin: 0;
    }
    .failed {
      color: var(--mat-sys-error);
    }
    .progress {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class ResultDownload {
  readonly result = input.required<ResultRaw>();

  private readonly downloader = inject(ResultDownloader);
  private readonly locale = inject(ConsoleLocale);
  /** A result to download, or undefined to cancel the running download. */
  private readonly requests = new Subject<ResultRaw | undefined>();

  protected readonly blocker = computed(() => downloadBlocker(this.result()));
  protected readonly size = computed(() => this.bytes(Number(this.result().size)));

  protected readonly state = toSignal(
    this.requests.pipe(
      switchMap((result) => {
        if (!result) return of<State>({ kind: 'cancelled' });
        const fileName = downloadFileName(result);
        return this.downloader.download(result).pipe(
          tap((event) => {
            if (event.kind === 'done') saveBlob(event.blob, fileName);
          }),
          map((event): State =>
            event.kind === 'done'
              ? { kind: 'done', bytes: event.blob.size, fileName }
              : { kind: 'running', progress: event.progress },
          ),
          catchError((error: ApiError) => of<State>({ kind: 'failed', error })),
        );
      }),
      startWith<State>({ kind: 'idle' }),
    ),
    { requireSync: true },
  );

  protected start(): void {
    this.requests.next(this.result());
  }

  protected cancel(): void {
    this.requests.next(undefined);
  }

  protected percent(progress: DownloadProgress): number {
    return percentOf(progress);
  }

  protected bytes(value: number): string {
    return this.locale.bytes(value);
  }

  protected progressParams(progress: DownloadProgress) {
    return {
      received: this.bytes(progress.received),
      total: this.bytes(progress.total),
      percent: percentOf(progress),
      chunks: progress.chunks,
      expected: progress.expectedChunks ?? '?',
    };
  }
}
