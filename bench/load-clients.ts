/**
 * The load mix's clients, run in child processes of the bench (`forkLoadClients`): each process
 * holds a share of the 64 native clients, each client on its own HTTP/2 connection
 * (h2-unary.ts), calling back to back. In the bench process itself, 64 clients made it lag
 * (event-loop delay p99 21–24 ms), and every latency it measured included that lag; four
 * processes of 16 lag less, as separate SDK clients of a real cluster would.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import {
  type Msg,
  filtersOf,
  sessionField,
  statusEquals,
  taskField,
  tasksOfSession,
} from './grpc-client';
import { type EncodedCall, encodeCall, h2Unary } from './h2-unary';
import { errorText } from './error-text';
import { ROOT } from './paths';

/** Processes the 64 clients are spread over (16 each). */
export const LOAD_PROCESSES = 4;

export const MIX = [
  { op: 'listSessions', weight: 30 },
  { op: 'countTasks', weight: 30 },
  { op: 'listTasks', weight: 25 },
  { op: 'getSession', weight: 15 },
] as const;
export type Op = (typeof MIX)[number]['op'];

/** What one process of clients is asked to do. Times are epoch ms (one clock on one machine). */
export interface LoadShare {
  port: number;
  pool: readonly string[];
  /** The index of this share's first client: it seeds each client's own sequence of calls. */
  firstClient: number;
  clients: number;
  /** Calls started from then on are counted (the warm-up's are not). */
  measureFrom: number;
  deadline: number;
}

export interface ShareResult {
  latencies: Record<Op, number[]>;
  errors: number;
  firstError?: string;
  answerBytes: number;
  /** User + system CPU of this process from `measureFrom`, µs. */
  cpuMicros: number;
  /** This process's event-loop delay from `measureFrom`, ms. */
  loopDelay: { p50: number; p99: number; max: number };
}

/** A small deterministic PRNG (mulberry32): the same mix on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const listSessionsRequest: Msg = {
  page: 0,
  page_size: 100,
  filters: filtersOf([statusEquals(sessionField('STATUS'), 'SESSION_STATUS_RUNNING')]),
  sort: { field: sessionField('CREATED_AT'), direction: 'SORT_DIRECTION_DESC' },
};

function mixCall(op: Op, session: string): EncodedCall {
  switch (op) {
    case 'listSessions':
      return encodeCall('sessions', 'ListSessions', listSessionsRequest);
    case 'countTasks':
      return encodeCall('tasks', 'CountTasksByStatus', { filters: tasksOfSession(session) });
    case 'listTasks':
      return encodeCall('tasks', 'ListTasks', {
        page: 0,
        page_size: 100,
        filters: tasksOfSession(session),
        sort: { field: taskField('CREATED_AT'), direction: 'SORT_DIRECTION_DESC' },
      });
    case 'getSession':
      return encodeCall('sessions', 'GetSession', { session_id: session });
  }
}

/**
 * Every call of the mix, encoded before the clock starts (the pool is 1,000 sessions): the
 * clients' CPU goes to the round trips. Answers are not decoded: the round trip is the figure,
 * and their bytes are counted so that a run of empty answers would show.
 */
function encodeMix(pool: readonly string[]): Map<Op, EncodedCall[]> {
  return new Map(MIX.map((m) => [m.op, pool.map((session) => mixCall(m.op, session))]));
}

export async function runShare(share: LoadShare): Promise<ShareResult> {
  const latencies = Object.fromEntries(MIX.map((m) => [m.op, [] as number[]])) as Record<
    Op,
    number[]
  >;
  const result: ShareResult = {
    latencies,
    errors: 0,
    answerBytes: 0,
    cpuMicros: 0,
    loopDelay: { p50: NaN, p99: NaN, max: NaN },
  };
  const totalWeight = MIX.reduce((a, m) => a + m.weight, 0);
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  let cpuFrom: NodeJS.CpuUsage | undefined;
  const measureTimer = setTimeout(
    () => {
      cpuFrom = process.cpuUsage();
      loopDelay.enable();
    },
    Math.max(0, share.measureFrom - Date.now()),
  );
  const calls = encodeMix(share.pool);
  const clients = Array.from({ length: share.clients }, () => h2Unary(share.port));
  try {
    await Promise.all(
      clients.map(async (c, i) => {
        const random = prng(1000 + share.firstClient + i);
        while (Date.now() < share.deadline) {
          let pick = random() * totalWeight;
          const op = MIX.find((m) => (pick -= m.weight) < 0)?.op ?? 'getSession';
          const call = calls.get(op)![Math.floor(random() * share.pool.length)]!;
          const counted = Date.now() >= share.measureFrom;
          const t0 = process.hrtime.bigint();
          try {
            result.answerBytes += await c.call(call);
            if (counted) latencies[op].push(Number(process.hrtime.bigint() - t0) / 1e6);
          } catch (error) {
            if (counted) result.errors++;
            result.firstError ??= errorText(error);
          }
        }
      }),
    );
  } finally {
    clearTimeout(measureTimer);
    loopDelay.disable();
    for (const c of clients) c.close();
  }
  if (cpuFrom) {
    const cpu = process.cpuUsage(cpuFrom);
    result.cpuMicros = cpu.user + cpu.system;
  }
  result.loopDelay = {
    p50: loopDelay.percentile(50) / 1e6,
    p99: loopDelay.percentile(99) / 1e6,
    max: loopDelay.max / 1e6,
  };
  return result;
}

/** The child's next message; its exit before sending one is an error. */
function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`load client exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

/**
 * Runs `clients` clients in `processes` child processes (this file, forked) and gathers their
 * results. Each child says when it is loaded, so that the clock starts once all of them are.
 */
export async function forkLoadClients(
  base: Omit<LoadShare, 'firstClient' | 'clients' | 'measureFrom' | 'deadline'>,
  clients: number,
  processes: number,
  timing: {
    warmupMs: number;
    loadMs: number;
    /** Told when counting starts and ends, once every child is loaded (epoch ms). */
    onSchedule?: (measureFrom: number, deadline: number) => void;
  },
): Promise<ShareResult[]> {
  const children = Array.from({ length: processes }, () =>
    fork(__filename, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], serialization: 'advanced' }),
  );
  try {
    await Promise.all(children.map((child) => nextMessage<'ready'>(child)));
    const measureFrom = Date.now() + timing.warmupMs;
    const deadline = measureFrom + timing.loadMs;
    timing.onSchedule?.(measureFrom, deadline);
    const per = Math.ceil(clients / processes);
    return await Promise.all(
      children.map((child, i) => {
        const result = nextMessage<ShareResult>(child);
        const share: LoadShare = {
          ...base,
          firstClient: i * per,
          clients: Math.max(0, Math.min(per, clients - i * per)),
          measureFrom,
          deadline,
        };
        child.send(share);
        return result;
      }),
    );
  } finally {
    for (const child of children) child.kill();
  }
}

/** The child's side: say it is loaded, run the one share it is sent, send the result back. */
if (require.main === module && process.send) {
  process.once('message', (share: LoadShare) => {
    runShare(share).then(
      (r) => process.send?.(r, () => process.exit(0)),
      (error: unknown) => {
        console.error('load clients failed:', errorText(error));
        process.exit(1);
      },
    );
  });
  process.send('ready');
}
