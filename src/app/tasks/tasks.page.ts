import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';

import type { TaskSummary } from '../../../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import { provideGrid } from '../grid/state/provide-grid';
import { GridStore } from '../grid/state/grid.store';
import { CopyToClipboard } from '../shared/clipboard';
import type { MenuItem } from '../grid/ui/actions-menu';
import { entityTrail, sessionTrail } from '../grid/ui/breadcrumbs';
import { type GridTrail, ResourceGridPage } from '../grid/ui/resource-grid-page';
import { CancelTasksFlow } from './actions/cancel-tasks-flow';
import { TaskBulkBar } from './task-bulk-bar';
import { taskLinks } from './task-links';
import { isCancellable } from './task-status';
import { TASKS } from './tasks.definition';

/** The tasks grid: drill-down target of sessions, partitions, applications and tasks. */
@Component({
  selector: 'app-tasks-page',
  imports: [ResourceGridPage],
  providers: [provideGrid(TASKS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-resource-grid-page [items]="items" [trail]="trail" [bulkBar]="bulkBar" />`,
})
export class TasksPage {
  private readonly store = inject(GridStore);
  private readonly cancelFlow = inject(CancelTasksFlow);
  private readonly clipboard = inject(CopyToClipboard);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly bulkBar = TaskBulkBar;
  protected readonly trail: GridTrail = {
    parents: [
      { column: 'sessionId', trail: (id) => sessionTrail(id) },
      {
        column: 'partitionId',
        trail: (id) => entityTrail('breadcrumbs.partitions', '/partitions', id),
      },
      { column: 'initialTaskId', trail: (id) => entityTrail('breadcrumbs.tasks', '/tasks', id) },
    ],
    label: 'breadcrumbs.tasks',
  };

  protected readonly items = (task: TaskSummary): MenuItem[] => {
    const links = taskLinks(task);
    return [
      {
        label: 'tasks.actions.seeTask',
        icon: 'visibility',
        link: { commands: ['/tasks', task.id] },
      },
      { label: 'tasks.actions.seeSession', icon: 'folder_open', link: links.session },
      { label: 'tasks.actions.seeResults', icon: 'description', link: links.results },
      { label: 'tasks.actions.seeRetries', icon: 'replay', link: links.retries },
      {
        label: 'tasks.actions.copyId',
        icon: 'content_copy',
        run: () => this.clipboard.copy(task.id),
      },
      ...(isCancellable(task.status) && this.cancelFlow.allowed()
        ? [
            {
              label: 'tasks.actions.cancel',
              icon: 'cancel',
              danger: true,
              run: () => this.cancel(task),
            },
          ]
        : []),
    ];
  };

  private cancel(task: TaskSummary): void {
    this.cancelFlow
      .run([{ id: task.id, status: task.status }])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.store.refresh());
  }
}
