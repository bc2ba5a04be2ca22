import { type Routes } from '@angular/router';

import { SessionsPage } from './sessions.page';

export default [
  { path: '', component: SessionsPage, data: { titleKey: 'nav.sessions' } },
  {
    path: ':id',
    loadComponent: () => import('./inspect/session-inspect.page').then((m) => m.SessionInspectPage),
  },
] satisfies Routes;
