import { startControlPlane } from '../../../control-plane';
import { type NativeClients, nativeClients } from './native-clients';

// ---------------------------------------------------------------------------------------------
// The server under test
// ---------------------------------------------------------------------------------------------

export type ControlPlaneOptions = Parameters<typeof startControlPlane>[0];
export type ControlPlane = Awaited<ReturnType<typeof startControlPlane>>;

/** Small, deterministic, still data set: nothing moves unless a test acts on it. */
export const SMALL_CLUSTER = { seed: 20240917, sessions: 60, tasks: 3000 } as const;

export function startCluster(options: Partial<ControlPlaneOptions> = {}): Promise<ControlPlane> {
  return startControlPlane({
    port: 0,
    simulation: false,
    ...SMALL_CLUSTER,
    ...options,
  });
}

/** The cluster of a `describe` block and native clients on it, live between its hooks. */
export interface UsedCluster {
  cluster: ControlPlane;
  c: NativeClients;
}

/**
 * Starts a cluster (`SMALL_CLUSTER` unless `options` say otherwise) and native clients on it
 * before the enclosing block's tests, and closes both after them. Call it before the block's own
 * `beforeAll`, which then sees both running. The handles read the live objects, so they can be
 * taken apart at once: `const { cluster, c } = useCluster()`.
 */
export function useCluster(options: Partial<ControlPlaneOptions> = {}): UsedCluster {
  let cluster: ControlPlane | undefined;
  let clients: NativeClients | undefined;
  beforeAll(async () => {
    cluster = await startCluster(options);
    clients = nativeClients(cluster.port);
  });
  afterAll(async () => {
    clients?.close();
    await cluster?.close();
  });
  return {
    cluster: live('the cluster', () => cluster),
    c: live('the clients', () => clients),
  };
}

/** A stand-in that forwards every property read to `current()`, once it exists. */
function live<T extends object>(what: string, current: () => T | undefined): T {
  const target = (): T => {
    const value = current();
    if (value === undefined) throw new Error(`${what} is used before useCluster's beforeAll`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => {
      const real = target();
      const value: unknown = Reflect.get(real, key, real);
      return typeof value === 'function' ? (value as () => unknown).bind(real) : value;
    },
    has: (_, key) => Reflect.has(target(), key),
  });
}
