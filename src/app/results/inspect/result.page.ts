import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { RESULTS_CLIENT } from '../../api/clients';
import { ResultStatus } from '../../../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { provideRecordView } from '../../grid/state/provide-grid';
import { lookOf } from '../../grid/status-lookup';
import { RecordView } from '../../grid/ui/record-view';
import { StatusChip } from '../../grid/ui/status-chip';
import { sessionTrail } from '../../grid/ui/breadcrumbs';
import { EntityLoader } from '../../shared/entity-loader';
import { InspectionFrame } from '../../grid/ui/inspection-frame';
import { ResultDownload } from '../download/result-download';
import { RESULT_STATUSES } from '../result-status';
import { RESULTS } from '../results.definition';

/**
 * One result: every ResultRaw field, links to its session and owner task, and its data to
 * download. Read again every few seconds while it is still awaited.
 */
@Component({
  selector: 'app-result-page',
  imports: [
    InspectionFrame,
    MatButtonModule,
    MatIconModule,
    RecordView,
    ResultDownload,
    RouterLink,
    StatusChip,
    TranslatePipe,
  ],
  providers: [provideRecordView(RESULTS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-inspection-frame
      title="results.inspect.title"
      what="results.inspect.what"
      backLink="/results"
      backLabel="results.inspect.back"
      [id]="id()"
      [state]="loader.state()"
      [crumbs]="crumbs()"
      [refreshing]="loader.refreshing()"
      (refresh)="loader.refresh()"
    >
      <!-- One root per block: a control-flow block is projected as a whole. -->
      @if (result(); as result) {
        <ng-container ngProjectAs="[frameActions]">
          <a mat-button [routerLink]="['/sessions', result.sessionId]">
            <mat-icon aria-hidden="true">folder_open</mat-icon>
            {{ 'results.actions.seeSession' | translate }}
          </a>
          @if (result.ownerTaskId) {
            <a mat-button [routerLink]="['/tasks', result.ownerTaskId]">
              <mat-icon aria-hidden="true">task</mat-icon>
              {{ 'results.actions.seeOwnerTask' | translate }}
            </a>
          }
        </ng-container>
      }
      @if (result(); as result) {
        <section class="summary" [attr.aria-label]="'results.inspect.statusSection' | translate">
          <app-status-chip
            [look]="look()"
            [label]="statuses.label(look().key) | translate"
            [tooltip]="statuses.meaning(look().key) | translate"
          />
          @if (result.name) {
            <span class="message mono">{{ result.name }}</span>
          }
        </section>
        <section aria-labelledby="result-data">
          <h2 id="result-data">{{ 'results.inspect.data' | translate }}</h2>
          <app-result-download [result]="result" />
        </section>
        <section aria-labelledby="result-details">
          <h2 id="result-details">{{ 'results.inspect.details' | translate }}</h2>
          <app-record-view [columns]="columns" [row]="result" />
        </section>
      }
    </app-inspection-frame>
  `,
  styleUrl: '../../shared/inspection-sections.scss',
})
export class ResultPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();

  private readonly client = inject(RESULTS_CLIENT);
  protected readonly loader = new EntityLoader(this.id, {
    fetch: (id, signal) =>
      this.client.getResult({ resultId: id }, { signal }).then((r) => r.result),
    live: (result) => result.status === ResultStatus.CREATED,
  });
  protected readonly result = this.loader.value;
  protected readonly columns = RESULTS.columns;
  protected readonly statuses = RESULT_STATUSES;

  protected readonly crumbs = computed(() => {
    const result = this.result();
    return result ? sessionTrail(result.sessionId, 'breadcrumbs.results', '/results') : [];
  });
  protected readonly look = computed(() => lookOf(RESULT_STATUSES, this.result()?.status ?? 0));
}
