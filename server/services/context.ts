import { type Limits, resolveLimits } from '../limits';
import type { Cluster } from '../store/cluster';
import { Quotas } from './quotas';
import { type WorkScheduler, createWorkScheduler } from './work-scheduler';

/** What every service implementation shares. */
export interface ServiceContext {
  readonly cluster: Cluster;
  readonly username: string;
  readonly permissions: readonly string[];
  readonly limits: Limits;
  /** Paces list and count queries so that none holds the event loop (work-scheduler.ts). */
  readonly scheduler: WorkScheduler;
  readonly quotas: Quotas;
}

export function createServiceContext(
  cluster: Cluster,
  options: { username?: string; permissions?: readonly string[]; limits?: Partial<Limits> } = {},
): ServiceContext {
  const limits = resolveLimits(options.limits);
  return {
    cluster,
    username: options.username ?? 'Anonymous',
    permissions: options.permissions ?? [],
    limits,
    scheduler: createWorkScheduler(),
    quotas: new Quotas(cluster, limits),
  };
}
