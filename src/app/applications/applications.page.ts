import { ChangeDetectionStrategy, Component } from '@angular/core';

import type { ApplicationRaw } from '../../../proto/gen/armonik/api/grpc/v1/applications_common_pb';
import { provideGrid } from '../grid/state/provide-grid';
import type { MenuItem } from '../grid/ui/actions-menu';
import { ResourceGridPage } from '../grid/ui/resource-grid-page';
import { tasksLink } from '../tasks';
import { APPLICATIONS, applicationScope, applicationSessions } from './applications.definition';

/** The distinct applications of the cluster's tasks, with their tasks by status. */
@Component({
  selector: 'app-applications-page',
  imports: [ResourceGridPage],
  providers: [provideGrid(APPLICATIONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-resource-grid-page [items]="items" [rowName]="nameOf" />`,
})
export class ApplicationsPage {
  protected readonly items = (app: ApplicationRaw): MenuItem[] => [
    {
      label: 'applications.actions.seeSessions',
      icon: 'folder_open',
      link: applicationSessions(app),
    },
    {
      label: 'applications.actions.seeTasks',
      icon: 'task',
      link: tasksLink(applicationScope(app)),
    },
  ];

  /** "name version", as the menu button names the application. */
  protected readonly nameOf = (app: ApplicationRaw): string =>
    [app.name, app.version].filter((part) => part !== '').join(' ');
}
