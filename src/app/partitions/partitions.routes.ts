import { type Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./partitions.page').then((m) => m.PartitionsPage) },
  {
    path: ':id',
    loadComponent: () => import('./inspect/partition.page').then((m) => m.PartitionPage),
  },
] satisfies Routes;
