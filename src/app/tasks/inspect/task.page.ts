import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DestroyRef } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { TASKS_CLIENT } from '../../api/clients';
import { provideRecordView } from '../../grid/state/provide-grid';
import { lookOf } from '../../grid/status-lookup';
import { RecordView } from '../../grid/ui/record-view';
import { StatusChip } from '../../grid/ui/status-chip';
import { sessionTrail } from '../../grid/ui/breadcrumbs';
import { EntityLoader } from '../../shared/entity-loader';
import { InspectionFrame } from '../../grid/ui/inspection-frame';
import { TimelineView } from '../../grid/ui/timeline-view';
import { CancelTasksFlow } from '../actions/cancel-tasks-flow';
import { TASK_IDENTITY_COLUMNS, TASK_OPTION_COLUMNS, TASK_TIME_COLUMNS } from '../task-columns';
import { taskLinks } from '../task-links';
import { TASK_STATUSES, isCancellable, isFinalTaskStatus } from '../task-status';
import { TASKS } from '../tasks.definition';
import { TASK_RELATION_COLUMNS, taskOutput, taskTimeline } from './task-detail';

/**
 * One task: every TaskDetailed field, its output, its timeline, the tasks and results it is
 * linked to, and what can be done with it. Read again every few seconds until it is final.
 */
@Component({
  selector: 'app-task-page',
  imports: [
    InspectionFrame,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    RecordView,
    RouterLink,
    StatusChip,
    TimelineView,
    TranslatePipe,
  ],
  providers: [provideRecordView(TASKS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task.page.html',
  styleUrl: '../../shared/inspection-sections.scss',
})
export class TaskPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();

  private readonly client = inject(TASKS_CLIENT);
  private readonly cancelFlow = inject(CancelTasksFlow);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly loader = new EntityLoader(this.id, {
    fetch: (id, signal) => this.client.getTask({ taskId: id }, { signal }).then((r) => r.task),
    live: (task) => !isFinalTaskStatus(task.status),
  });
  protected readonly task = this.loader.value;

  protected readonly identityColumns = TASK_IDENTITY_COLUMNS;
  protected readonly timeColumns = TASK_TIME_COLUMNS;
  /** Each option on its own (the grid's whole-options column would say it twice). */
  protected readonly optionColumns = TASK_OPTION_COLUMNS.filter(
    (column) => column.key !== 'options',
  );
  protected readonly relationColumns = TASK_RELATION_COLUMNS;

  protected readonly crumbs = computed(() => {
    const task = this.task();
    return task ? sessionTrail(task.sessionId, 'breadcrumbs.tasks', '/tasks') : [];
  });
  protected readonly links = computed(() => {
    const task = this.task();
    return task ? taskLinks(task) : undefined;
  });
  protected readonly look = computed(() => lookOf(TASK_STATUSES, this.task()?.status ?? 0));
  protected readonly timeline = computed(() => {
    const task = this.task();
    return task ? taskTimeline(task) : [];
  });
  protected readonly output = computed(() => {
    const task = this.task();
    return task ? taskOutput(task) : { kind: 'none' as const };
  });
  protected readonly canCancel = computed(() => {
    const task = this.task();
    return !!task && isCancellable(task.status) && this.cancelFlow.allowed();
  });

  protected statusLabel(key: string): string {
    return TASK_STATUSES.label(key);
  }

  protected statusMeaning(key: string): string {
    return TASK_STATUSES.meaning(key);
  }

  protected cancel(): void {
    const task = this.task();
    if (!task) return;
    this.cancelFlow
      .run([{ id: task.id, status: task.status }])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.loader.refresh());
  }
}
