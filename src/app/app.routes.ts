import { type Routes } from '@angular/router';

/**
 * Every feature is a lazy chunk; the shell alone is in the initial bundle. app.config.ts loads
 * these behind feature-routes.ts, the lazy parent that provides what the features share.
 */
export const routes: Routes = [
  { path: '', pathMatch: 'full', loadChildren: () => import('./overview/ui/overview.routes') },
  { path: 'overview', loadChildren: () => import('./overview/ui/overview.routes') },
  { path: 'sessions', loadChildren: () => import('./sessions/sessions.routes') },
  { path: 'tasks', loadChildren: () => import('./tasks/tasks.routes') },
  { path: 'results', loadChildren: () => import('./results/results.routes') },
  { path: 'partitions', loadChildren: () => import('./partitions/partitions.routes') },
  { path: 'applications', loadChildren: () => import('./applications/applications.routes') },
  { path: 'activity', loadChildren: () => import('./activity/activity.routes') },
  {
    path: '**',
    loadComponent: () => import('./shared/not-found.page').then((m) => m.NotFoundPage),
  },
];
