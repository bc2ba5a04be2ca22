import { type Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./applications.page').then((m) => m.ApplicationsPage) },
] satisfies Routes;
