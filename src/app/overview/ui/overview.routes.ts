import { type Routes } from '@angular/router';

import { OverviewPage } from './ui/overview.page';

export default [
  { path: '', component: OverviewPage, data: { titleKey: 'overview.title' } },
] satisfies Routes;
