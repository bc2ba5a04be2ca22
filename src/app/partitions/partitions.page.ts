import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import type { PartitionRaw } from '../../../proto/gen/armonik/api/grpc/v1/partitions_common_pb';
import { provideGrid } from '../grid/state/provide-grid';
import { CopyToClipboard } from '../shared/clipboard';
import type { MenuItem } from '../grid/ui/actions-menu';
import { ResourceGridPage } from '../grid/ui/resource-grid-page';
import { PARTITIONS, partitionLinks } from './partitions.definition';

/** The partitions grid, with each partition's tasks by status. */
@Component({
  selector: 'app-partitions-page',
  imports: [ResourceGridPage],
  providers: [provideGrid(PARTITIONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-resource-grid-page [items]="items" />`,
})
export class PartitionsPage {
  private readonly clipboard = inject(CopyToClipboard);

  protected readonly items = (partition: PartitionRaw): MenuItem[] => {
    const links = partitionLinks(partition.id);
    return [
      {
        label: 'partitions.actions.seePartition',
        icon: 'visibility',
        link: { commands: ['/partitions', partition.id] },
      },
      { label: 'partitions.actions.seeSessions', icon: 'folder_open', link: links.sessions },
      { label: 'partitions.actions.seeTasks', icon: 'task', link: links.tasks },
      {
        label: 'partitions.actions.copyId',
        icon: 'content_copy',
        run: () => this.clipboard.copy(partition.id),
      },
    ];
  };
}
