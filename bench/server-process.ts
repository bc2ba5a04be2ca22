/**
 * The embedded control plane as a child process of the bench (so its pid, memory and start-up
 * time are known): `node --import tsx server/main.ts …` with the production build as `--static`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { type GrpcClients, grpcClients } from './grpc-client';
import { sleep } from './stats';

export interface ServerOptions {
  root: string;
  sessions: number;
  tasks: number;
  seed: number;
  simulation: boolean;
  staticDir: string;
  /** 0 = pick a free port. */
  port: number;
  /** How long start-up (seeding) may take. */
  startTimeoutMs: number;
}

export interface MemoryReading {
  rssMiB: number;
  peakRssMiB: number;
}

export interface RunningServer {
  pid: number;
  port: number;
  url: string;
  /** Spawn → first ListSessions answered, ms. */
  startupMs: number;
  /** Set when that first answer was an error (the server is up but does not serve the bench). */
  firstError?: string;
  /** Seeding time the server itself printed ("ready in 12.3s"), ms, when it did. */
  reportedReadyMs(): number | undefined;
  clients: GrpcClients;
  memory(): MemoryReading | undefined;
  /** Last lines the server printed (for error messages). */
  tail(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM (peak) of a Linux process, MiB. */
export function processMemory(pid: number): MemoryReading | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1]);
    const rss = kb('VmRSS');
    const hwm = kb('VmHWM');
    if (!Number.isFinite(rss)) return undefined;
    return { rssMiB: Math.round(rss / 1024), peakRssMiB: Math.round(hwm / 1024) };
  } catch {
    return undefined;
  }
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const port = opts.port || (await freePort());
  const args = [
    '--import',
    'tsx',
    join(opts.root, 'server/main.ts'),
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--seed',
    String(opts.seed),
    '--sessions',
    String(opts.sessions),
    '--tasks',
    String(opts.tasks),
    '--static',
    opts.staticDir,
  ];
  if (!opts.simulation) args.push('--no-simulation');
  const started = Date.now();
  // process.execPath is the Node 24 that runs the bench (npm scripts put node_modules/.bin first).
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: opts.root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line);
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitCode: number | null = null;
  let hasExited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      hasExited = true;
      exitCode = code;
      resolve();
    }),
  );
  const tail = () => lines.slice(-12).join('\n');

  const clients = grpcClients(port);
  const deadline = started + opts.startTimeoutMs;
  let startupMs = Number.NaN;
  let firstError: string | undefined;
  while (Date.now() < deadline) {
    if (hasExited) {
      clients.close();
      throw new Error(
        `it exited (code ${exitCode}) during start-up; it printed: ${tail().replace(/\n/g, ' / ')}`,
      );
    }
    try {
      await clients.listSessions({ page: 0, page_size: 1 }, 2_000);
      startupMs = Date.now() - started;
      break;
    } catch (error) {
      const code = (error as { code?: number }).code;
      // UNAVAILABLE / DEADLINE_EXCEEDED: not listening yet. Anything else is an answer.
      if (code !== undefined && code !== 14 && code !== 4) {
        startupMs = Date.now() - started;
        firstError = `ListSessions answered ${(error as Error).message}`;
        break;
      }
      await sleep(250);
    }
  }
  if (!Number.isFinite(startupMs)) {
    clients.close();
    child.kill('SIGKILL');
    throw new Error(
      `no answer within ${opts.startTimeoutMs / 1000} s; it printed: ${tail().replace(/\n/g, ' / ')}`,
    );
  }
  const pid = child.pid!;
  return {
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    startupMs,
    firstError,
    reportedReadyMs: () => {
      const m = /ready in ([\d.]+)\s*s/.exec(lines.join('\n'));
      return m ? Number(m[1]) * 1000 : undefined;
    },
    clients,
    memory: () => processMemory(pid),
    tail,
    exited: () => hasExited,
    async stop() {
      clients.close();
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}
