import { type Routes } from '@angular/router';

import { PlaceholderPage } from '../shared/placeholder.page';

export default [
  { path: '', component: PlaceholderPage, data: { titleKey: 'nav.tasks' } },
  { path: ':id', component: PlaceholderPage, data: { titleKey: 'nav.tasks' } },
] satisfies Routes;
