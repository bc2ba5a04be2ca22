import type { Cluster } from '../store/cluster';

/** What every service implementation shares. */
export interface ServiceContext {
  readonly cluster: Cluster;
  readonly username: string;
  readonly permissions: readonly string[];
}
