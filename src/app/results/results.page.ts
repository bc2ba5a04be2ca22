import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';

import type { ResultRaw } from '../../../proto/gen/armonik/api/grpc/v1/results_common_pb';
import { provideGrid } from '../grid/state/provide-grid';
import { CopyToClipboard } from '../shared/clipboard';
import type { MenuItem } from '../grid/ui/actions-menu';
import { entityTrail, sessionTrail } from '../grid/ui/breadcrumbs';
import { type GridTrail, ResourceGridPage } from '../grid/ui/resource-grid-page';
import { DownloadDialog } from './download/download.dialog';
import { downloadBlocker } from './download/download-progress';
import { RESULTS } from './results.definition';

/** The results grid: drill-down target of sessions and tasks. */
@Component({
  selector: 'app-results-page',
  imports: [ResourceGridPage],
  providers: [provideGrid(RESULTS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-resource-grid-page [items]="items" [trail]="trail" />`,
})
export class ResultsPage {
  private readonly dialog = inject(MatDialog);
  private readonly clipboard = inject(CopyToClipboard);

  protected readonly trail: GridTrail = {
    parents: [
      { column: 'sessionId', trail: (id) => sessionTrail(id) },
      { column: 'ownerTaskId', trail: (id) => entityTrail('breadcrumbs.tasks', '/tasks', id) },
    ],
    label: 'breadcrumbs.results',
  };

  protected readonly items = (result: ResultRaw): MenuItem[] => [
    {
      label: 'results.actions.seeResult',
      icon: 'visibility',
      link: { commands: ['/results', result.resultId] },
    },
    {
      label: 'results.actions.seeSession',
      icon: 'folder_open',
      link: { commands: ['/sessions', result.sessionId] },
    },
    ...(result.ownerTaskId
      ? [
          {
            label: 'results.actions.seeOwnerTask',
            icon: 'task',
            link: { commands: ['/tasks', result.ownerTaskId] },
          },
        ]
      : []),
    ...(downloadBlocker(result) === undefined
      ? [{ label: 'results.actions.download', icon: 'download', run: () => this.download(result) }]
      : []),
    {
      label: 'results.actions.copyId',
      icon: 'content_copy',
      run: () => this.clipboard.copy(result.resultId),
    },
  ];

  private download(result: ResultRaw): void {
    this.dialog.open(DownloadDialog, { data: result, width: '520px' });
  }
}
