import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { provideGrid } from '../grid/state/provide-grid';
import { GridStore } from '../grid/state/grid.store';
import { GridPage } from '../grid/ui/grid-page';
import { GridBulkBar, GridRowActions } from '../grid/ui/grid-slots';
import { BulkBar } from './actions/bulk-bar';
import { SessionActionsCell } from './actions/session-actions-cell';
import { SessionActionsMenu } from './actions/session-actions-menu';
import { refreshOnSessionChanges } from './actions/session-changes';
import { SESSIONS } from './sessions.definition';

/**
 * `/sessions`: the generic grid page on the sessions definition, with the session actions menu
 * (one, opened by each row's button) and the bulk bar over the selection.
 */
@Component({
  selector: 'app-sessions-page',
  imports: [GridPage, GridRowActions, GridBulkBar, SessionActionsCell, SessionActionsMenu, BulkBar],
  providers: [provideGrid(SESSIONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-session-actions-menu #rowMenu />
    <app-grid-page>
      <ng-template [appGridRowActions]="definition" let-row>
        <app-session-actions-cell [session]="row" [menu]="rowMenu.menu()" />
      </ng-template>
      <!-- The bar's code (and the selection reader it starts) loads with the first selection:
           a first view selects nothing. -->
      <ng-template [appGridBulkBar]="definition" let-selection>
        @defer (when selection.count() > 0) {
          <app-bulk-bar [selection]="selection" />
        }
      </ng-template>
    </app-grid-page>
  `,
})
export class SessionsPage {
  protected readonly definition = SESSIONS;

  constructor() {
    // An action answered by the server: the grid re-reads, so rows show the server's word.
    const store = inject(GridStore);
    refreshOnSessionChanges(() => store.refresh());
  }
}
