import type { Cluster } from '../../store/cluster';

/**
 * `build(cluster)` made once per cluster and kept while the cluster lives: field tables depend
 * only on the cluster (their columns read the store at call time, so they follow a column that
 * grows), and building one per request allocated the closures and objects of every column.
 */
export function perCluster<T>(build: (cluster: Cluster) => T): (cluster: Cluster) => T {
  const made = new WeakMap<Cluster, T>();
  return (cluster) => {
    let value = made.get(cluster);
    if (value === undefined) made.set(cluster, (value = build(cluster)));
    return value;
  };
}
