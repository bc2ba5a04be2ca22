import { type Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./tasks.page').then((m) => m.TasksPage) },
  { path: ':id', loadComponent: () => import('./inspect/task.page').then((m) => m.TaskPage) },
] satisfies Routes;
