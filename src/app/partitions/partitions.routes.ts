import { type Routes } from '@angular/router';

import { PlaceholderPage } from '../shared/placeholder.page';

export default [
  { path: '', component: PlaceholderPage, data: { titleKey: 'nav.partitions' } },
  { path: ':id', component: PlaceholderPage, data: { titleKey: 'nav.partitions' } },
] satisfies Routes;
