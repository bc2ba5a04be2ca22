/**
 * Debian's nginx in front of an embedded control plane, as ArmoniK deploys its Admin GUI: the
 * production builds served by nginx with `deploy/nginx.conf` (filled only with ports and
 * paths) and gRPC-web routed through nginx to the control plane's one port. Everything lives in
 * a temporary prefix (config, pid, logs, temp files): no root paths, no system service.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
const REPO = resolve(__dirname, '..', '..');
const DIST = resolve(REPO, process.env['E2E_DIST'] ?? 'dist/session-console');

/** The two builds scripts/e2e.mjs makes: base href `/`, and base href `/admin/` beside it. */
export const BUILDS = {
  '/': join(DIST, 'browser'),
  '/admin/': join(`${DIST}-admin`, 'browser'),
} as const;

export type ConsolePath = keyof typeof BUILDS;

export interface Site {
  /** Where the console is: `http://127.0.0.1:<port>/` or `…/admin/`. */
  readonly url: string;
  /** The origin nginx serves, API included. */
  readonly origin: string;
  readonly path: ConsolePath;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** deploy/nginx.conf with its `${NAME}` placeholders filled; an unknown name is an error. */
export function renderTemplate(values: Record<string, string>): string {
  const template = readFileSync(join(REPO, 'deploy', 'nginx.conf'), 'utf8');
  return template.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`deploy/nginx.conf: no value for \${${name}}`);
    return value;
  });
}

export interface Nginx {
  readonly sites: Record<ConsolePath, Site>;
  /** nginx's error log so far (attached to failures). */
  errorLog(): string;
  stop(): Promise<void>;
}

export interface NginxOptions {
  /** host:port of the control plane's gRPC port. */
  readonly grpcTarget: string;
  /** config.json written over the `/` build's (a deployment pointing it at its cluster). */
  readonly rootConfig?: Record<string, unknown>;
}

/**
 * Starts one nginx (single process, foreground) with two servers from the same template: the
 * `/` build at the root of one port, the `/admin/` build under /admin/ of another.
 */
export async function startNginx(options: NginxOptions): Promise<Nginx> {
  for (const [path, build] of Object.entries(BUILDS))
    if (!existsSync(join(build, 'index.html')))
      throw new Error(`no build for ${path} at ${build}: run the journeys with npm run test:e2e`);
  if (!existsSync(NGINX))
    throw new Error(`no nginx at ${NGINX}: apt-get install -y nginx (or set NGINX_PATH)`);

  const prefix = mkdtempSync(join(tmpdir(), 'console-nginx-'));
  for (const dir of ['logs', 'temp', 'www-root', 'www-admin']) mkdirSync(join(prefix, dir));

  // `/`: the build's files, with a config.json of the deployment's own (overridable at run time).
  const rootWeb = join(prefix, 'www-root');
  for (const entry of readdirSync(BUILDS['/']))
    if (entry !== 'config.json' || !options.rootConfig)
      symlinkSync(join(BUILDS['/'], entry), join(rootWeb, entry));
  if (options.rootConfig)
    writeFileSync(join(rootWeb, 'config.json'), JSON.stringify(options.rootConfig));
  // `/admin/`: the sub-path build as it is, config.json included.
  symlinkSync(BUILDS['/admin/'], join(prefix, 'www-admin', 'admin'));

  const ports = { '/': await freePort(), '/admin/': await freePort() };
  const server = (path: ConsolePath, webRoot: string) =>
    renderTemplate({
      LISTEN_PORT: `127.0.0.1:${ports[path]}`,
      WEB_ROOT: webRoot,
      CONSOLE_PATH: path,
      ARMONIK_GRPC: options.grpcTarget,
    });
  writeFileSync(join(prefix, 'console-root.conf'), server('/', rootWeb));
  writeFileSync(join(prefix, 'console-admin.conf'), server('/admin/', join(prefix, 'www-admin')));
  const temp = (name: string) => `${name}_temp_path ${join(prefix, 'temp', name)};`;
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      // One foreground process as the invoking user: nothing to switch to, nothing left behind.
      'daemon off;',
      'master_process off;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'logs', 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      existsSync('/etc/nginx/mime.types') ? '  include /etc/nginx/mime.types;' : '',
      '  default_type application/octet-stream;',
      `  access_log ${join(prefix, 'logs', 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${temp(name)}`),
      `  include ${join(prefix, 'console-root.conf')};`,
      `  include ${join(prefix, 'console-admin.conf')};`,
      '}',
      '',
    ].join('\n'),
  );

  const errorLog = () => {
    try {
      return readFileSync(join(prefix, 'logs', 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'logs', 'error.log')],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');

  try {
    for (const port of Object.values(ports)) await waitForPort(port, () => child.exitCode !== null);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`nginx did not start: ${String(error)}\n${stderr}\n${errorLog()}`);
  }

  const site = (path: ConsolePath): Site => {
    const origin = `http://127.0.0.1:${ports[path]}`;
    return { origin, url: `${origin}${path}`, path };
  };
  return {
    sites: { '/': site('/'), '/admin/': site('/admin/') },
    errorLog,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT'); // graceful: finishes open requests, then exits
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, dead: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (dead()) throw new Error('nginx exited');
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port} never opened`);
}
