import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { PARTITIONS_CLIENT } from '../../api/clients';
import { provideRecordView } from '../../grid/state/provide-grid';
import { RecordView } from '../../grid/ui/record-view';
import { gridCrumb } from '../../grid/ui/breadcrumbs';
import { EntityLoader } from '../../shared/entity-loader';
import { InspectionFrame } from '../../grid/ui/inspection-frame';
import { TasksByStatus } from '../../tasks';
import { PARTITIONS, partitionLinks, partitionTasks } from '../partitions.definition';

/** One partition: every PartitionRaw field, its tasks by status, its sessions and tasks. */
@Component({
  selector: 'app-partition-page',
  imports: [
    InspectionFrame,
    MatButtonModule,
    MatIconModule,
    RecordView,
    RouterLink,
    TasksByStatus,
    TranslatePipe,
  ],
  providers: [provideRecordView(PARTITIONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-inspection-frame
      title="partitions.inspect.title"
      what="partitions.inspect.what"
      backLink="/partitions"
      backLabel="partitions.inspect.back"
      [id]="id()"
      [state]="loader.state()"
      [crumbs]="crumbs"
      [refreshing]="loader.refreshing()"
      (refresh)="loader.refresh()"
    >
      @if (links(); as links) {
        <ng-container ngProjectAs="[frameActions]">
          <a
            mat-button
            [routerLink]="links.sessions.commands"
            [queryParams]="links.sessions.queryParams"
          >
            <mat-icon aria-hidden="true">folder_open</mat-icon>
            {{ 'partitions.actions.seeSessions' | translate }}
          </a>
          <a mat-button [routerLink]="links.tasks.commands" [queryParams]="links.tasks.queryParams">
            <mat-icon aria-hidden="true">task</mat-icon>
            {{ 'partitions.actions.seeTasks' | translate }}
          </a>
        </ng-container>
      }
      @if (partition(); as partition) {
        <section aria-labelledby="partition-tasks">
          <h2 id="partition-tasks">{{ 'partitions.inspect.tasks' | translate }}</h2>
          <app-tasks-by-status [scope]="scope()" [at]="partition" />
        </section>
        <section aria-labelledby="partition-details">
          <h2 id="partition-details">{{ 'partitions.inspect.details' | translate }}</h2>
          <app-record-view [columns]="columns" [row]="partition" />
        </section>
      }
    </app-inspection-frame>
  `,
  styleUrl: '../../shared/inspection-sections.scss',
})
export class PartitionPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();

  private readonly client = inject(PARTITIONS_CLIENT);
  protected readonly loader = new EntityLoader(this.id, {
    fetch: (id, signal) => this.client.getPartition({ id }, { signal }).then((r) => r.partition),
    // Its tasks keep moving: read it (and count them) again while the page is open.
    live: () => true,
    periodMs: 10_000,
  });
  protected readonly partition = this.loader.value;
  /** Every field; the counts have their own section. */
  protected readonly columns = PARTITIONS.columns.filter((column) => column.kind !== 'counts');
  protected readonly crumbs = [gridCrumb('breadcrumbs.partitions', '/partitions')];
  protected readonly scope = computed(() => partitionTasks({ id: this.id() }));
  protected readonly links = computed(() =>
    this.partition() ? partitionLinks(this.id()) : undefined,
  );
}
