import { type Routes } from '@angular/router';

import { ActivityPage } from './activity.page';

export default [{ path: '', component: ActivityPage }] satisfies Routes;
