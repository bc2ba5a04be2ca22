import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { ConnectionBanner } from './shell/connection-banner';
import { Toolbar } from './shell/toolbar';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, Toolbar, ConnectionBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-toolbar />
    @defer (on idle) {
      <app-connection-banner />
    }
    <main class="app-main" id="main">
      <router-outlet />
    </main>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    .app-main {
      flex: 1;
      padding: 16px 24px;
      min-width: 0;
    }
  `,
})
export class App {}
