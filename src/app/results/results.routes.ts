import { type Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./results.page').then((m) => m.ResultsPage) },
  { path: ':id', loadComponent: () => import('./inspect/result.page').then((m) => m.ResultPage) },
] satisfies Routes;
