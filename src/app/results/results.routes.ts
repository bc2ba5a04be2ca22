import { type Routes } from '@angular/router';

import { PlaceholderPage } from '../shared/placeholder.page';

export default [
  { path: '', component: PlaceholderPage, data: { titleKey: 'nav.results' } },
  { path: ':id', component: PlaceholderPage, data: { titleKey: 'nav.results' } },
] satisfies Routes;
