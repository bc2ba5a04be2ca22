import { DEFAULTS } from './defaults';
import type { Limits } from './limits';
import { permissionInterceptor, resolvePermissions } from './services/permissions';
import { createServiceContext } from './services/context';
import { requestBoundsInterceptor } from './services/request-bounds';
import { registerServices } from './services/routes';
import { seedCluster } from './seed/seed';
import { startSimulator } from './simulation/simulator';
import { Cluster } from './store/cluster';
import { createApiHandler } from './transport/api-handler';
import { listen } from './transport/listener';
import { createRequestRouter } from './transport/request-router';
import { createConfigOnly, createStaticFiles } from './transport/static-files';

export interface ControlPlaneOptions {
  /** TCP port; 0 picks a free one. Default in defaults.ts. */
  port?: number;
  /** Interface to bind (use 0.0.0.0 to expose); default in defaults.ts. */
  host?: string;
  /** Seed of the demo data set; default in defaults.ts. */
  seed?: number;
  /** Number of seeded sessions; default in defaults.ts. */
  sessions?: number;
  /** Number of seeded tasks (all sessions together); default in defaults.ts. */
  tasks?: number;
  /** Live simulator moving tasks along; default true. */
  simulation?: boolean;
  /** User reported by GetCurrentUser; default in defaults.ts. */
  username?: string;
  /** Granted permissions: 'all' (default), 'read-only', or explicit `Service:Method` strings. */
  permissions?: string[] | 'all' | 'read-only';
  /** Origins allowed by CORS; default in defaults.ts. */
  corsOrigins?: string[] | '*';
  /** Directory of a built SPA to serve for non-API GET requests. */
  staticDir?: string;
  /** Input bounds and quotas (limits.ts); each default can be overridden. */
  limits?: Partial<Limits>;
}

export interface ControlPlane {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/** Largest accepted request message (and body). */
const READ_MAX_BYTES = 4 * 1024 * 1024;

/** Seeds the cluster, then serves gRPC, gRPC-web and Connect (and optionally the SPA) on one port. */
export async function startControlPlane(options: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const host = options.host ?? DEFAULTS.host;
  const username = options.username ?? DEFAULTS.username;
  const permissions = resolvePermissions(options.permissions);
  const cluster = new Cluster(options.seed ?? DEFAULTS.seed);
  seedCluster(cluster, {
    sessions: options.sessions ?? DEFAULTS.sessions,
    tasks: options.tasks ?? DEFAULTS.tasks,
    now: cluster.clock(),
  });

  const shutdown = new AbortController();
  const context = createServiceContext(cluster, {
    username,
    permissions,
    limits: options.limits,
  });
  const { limits } = context;
  const api = createApiHandler({
    routes: registerServices(context),
    interceptors: [permissionInterceptor(username, permissions), requestBoundsInterceptor(limits)],
    readMaxBytes: READ_MAX_BYTES,
    shutdownSignal: shutdown.signal,
  });
  const router = createRequestRouter({
    api,
    corsOrigins: options.corsOrigins ?? DEFAULTS.corsOrigins,
    staticFiles: options.staticDir ? createStaticFiles(options.staticDir) : createConfigOnly(),
  });
  const listener = await listen(host, options.port ?? DEFAULTS.port, router);
  const simulator = options.simulation === false ? undefined : startSimulator(cluster);
  const shownHost =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    port: listener.port,
    url: `http://${shownHost}:${listener.port}`,
    close() {
      closing ??= (async () => {
        simulator?.stop();
        shutdown.abort();
        await listener.close();
        cluster.dispose();
      })();
      return closing;
    },
  };
}
