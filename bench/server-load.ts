/**
 * Section 5 (server), under load: what one heavy request costs everybody else, and what 64
 * concurrent native clients get. Both are bounded in time and run on loopback only.
 *
 * - Canary beside a heavy request: a cheap call (GetSession) sent back to back while ListTasks
 *   over every task runs with a 1-condition filter (the tasks grid's quick search, "Task ID
 *   contains abc"), then 10 and 100 "Task ID is not X" conditions (a shared link full of
 *   exclusion chips). The canary's worst and p99 latency is how long the heavy request held
 *   the event loop.
 * - The load mix: 64 clients, each on its own HTTP/2 connection, in 4 child processes
 *   (load-clients.ts), call back to back for a fixed time: ListSessions filtered + sorted 30 %,
 *   CountTasksByStatus of one session 30 %, ListTasks of one session 25 %, GetSession 15 %.
 *
 * Every call under load goes through h2-unary.ts (requests encoded once, answers counted, not
 * decoded): the clients share the machine's cores with the server they measure.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import {
  type Msg,
  type SessionRaw,
  filtersOf,
  sessionField,
  stringContains,
  stringNotEquals,
  taskField,
} from './grpc-client';
import { encodeCall, h2Unary } from './h2-unary';
import { LOAD_PROCESSES, MIX, type Op, type ShareResult, forkLoadClients } from './load-clients';
import { type SectionBuilder } from './report';
import { type RunningServer } from './server-process';
import { max, percentile, round, sleep } from './stats';
import { errorText } from './error-text';

export interface LoadOptions {
  /** Time each canary run lasts, ms. */
  canaryMs: number;
  /** Time the load mix lasts (after its warm-up), ms. */
  loadMs: number;
  warmupMs: number;
  clients: number;
}

export function loadOptions(profile: 'full' | 'quick'): LoadOptions {
  return profile === 'quick'
    ? { canaryMs: 4_000, loadMs: 10_000, warmupMs: 1_000, clients: 64 }
    : { canaryMs: 15_000, loadMs: 30_000, warmupMs: 3_000, clients: 64 };
}

const CONDITIONS = [1, 10, 100] as const;

export function planLoadFigures(s: SectionBuilder): void {
  for (const n of CONDITIONS) {
    const what = n === 1 ? '"Task ID contains abc"' : `${n} × "Task ID is not X"`;
    s.plan(
      `canary.c${n}.worst`,
      `Canary worst beside ListTasks, ${what}`,
      'ms',
      'Longest GetSession round trip while ListTasks over every task runs with this filter: how long one request can stall the others.',
      '≤ 50 ms',
    );
    s.plan(
      `canary.c${n}.p99`,
      `Canary p99 beside ListTasks, ${what}`,
      'ms',
      '99th percentile of the same GetSession calls.',
      '≤ 50 ms',
    );
  }
  s.plan(
    'load.throughput',
    'Load mix throughput (64 clients)',
    'req/s',
    'Calls answered per second, 64 native clients on their own connections, back to back.',
  );
  s.plan(
    'load.p99',
    'Load mix p99, all calls',
    'ms',
    '99th percentile round trip over the whole mix.',
    '≤ 200 ms',
  );
  s.plan('load.max', 'Load mix slowest call', 'ms', 'Longest round trip of the mix.');
  s.plan(
    'load.getSession.p99',
    'Load mix GetSession p99',
    'ms',
    'A constant-work call under load: the queueing every client feels.',
    '≤ 20 ms',
  );
  s.plan(
    'load.probe.getSession.p99',
    'GetSession p99 of one more client beside the mix',
    'ms',
    'GetSession every 20 ms from the bench process, which runs none of the 64 clients: the latency without the load clients’ own lag.',
  );
  s.plan(
    'load.probe.loopDelay',
    'Event-loop delay of that client’s process, p99',
    'ms',
    'The almost idle bench process’s own event-loop delay meanwhile: how long any process on this machine waits for a CPU while the mix keeps both cores busy.',
  );
  s.plan(
    'load.listSessions.p95',
    'Load mix ListSessions (filtered + sorted) p95',
    'ms',
    'status = Running, sorted by Created At desc, 100 rows, under load.',
  );
  s.plan('load.errors', 'Load mix failed calls', 'calls', 'Calls that ended with an error status.');
  s.plan(
    'load.serverCpu',
    'Load mix CPU of the control plane',
    '% of a core',
    'Control-plane process CPU time (user + system) over the mix: near 100 % means its one event loop is the limit.',
  );
  s.plan(
    'load.clientCpu',
    'Load mix CPU of the load clients',
    '% of a core',
    'The 64 clients, in their child processes, share the 2 cores with the control plane: near 100 % means the clients, not the server, cap the figures.',
  );
  s.plan(
    'load.clientLoopDelay',
    'Load mix event-loop delay of the load clients, p99',
    'ms',
    "The worst of the client processes' own event-loop delays while they run: each latency above includes up to this much of the client's own waiting. With grpc-js clients it was 18–21 ms (4 Dec 2026); decoding the answers made it 45 ms (so the clients do not decode them).",
  );
  s.plan(
    'load.sessionsOpened',
    'Sessions the simulator opened during the load mix',
    'sessions',
    'New sessions created while the 64 clients ran: the simulator opens one every 15 s 80 % of the time; 0 means its churn stalled under load.',
    '≥ 1',
  );
}

/** A fake id in GUID shape: excluding it keeps every row (the work is the point). */
const fakeId = (i: number) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

function heavyFilter(n: number): Msg {
  const id = taskField('TASK_ID');
  if (n === 1) return filtersOf([stringContains(id, 'abc')]);
  return filtersOf(Array.from({ length: n }, (_, i) => stringNotEquals(id, fakeId(i))));
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function measureCanary(
  s: SectionBuilder,
  server: RunningServer,
  opts: LoadOptions,
  sessionId: string,
): Promise<void> {
  const canaryCall = encodeCall('sessions', 'GetSession', { session_id: sessionId });
  for (const n of CONDITIONS) {
    const heavyCall = encodeCall('tasks', 'ListTasks', {
      page: 0,
      page_size: 100,
      filters: heavyFilter(n),
      sort: { field: taskField('CREATED_AT'), direction: 'SORT_DIRECTION_DESC' },
    });
    // Two connections, as two clients: the heavy one's answers never queue the canary's.
    const heavyClient = h2Unary(server.port);
    const canaryClient = h2Unary(server.port);
    const canary: number[] = [];
    const heavy: number[] = [];
    let heavyError: string | undefined;
    const deadline = Date.now() + opts.canaryMs;
    const heavyLoop = (async () => {
      while (Date.now() < deadline && !heavyError) {
        try {
          heavy.push(await timed(() => heavyClient.call(heavyCall, 120_000)));
        } catch (error) {
          heavyError = errorText(error);
        }
      }
    })();
    // The canary keeps going until the last heavy call is done, so none runs unobserved.
    let heavyDone = false;
    void heavyLoop.then(() => (heavyDone = true));
    while (!heavyDone) {
      try {
        canary.push(await timed(() => canaryClient.call(canaryCall)));
      } catch (error) {
        s.note(`Canary call failed: ${errorText(error)}`);
        break;
      }
    }
    await heavyLoop;
    heavyClient.close();
    canaryClient.close();
    if (heavyError && heavy.length === 0) {
      s.skip(`canary.c${n}.worst`, `the heavy request failed: ${heavyError}`);
      s.skip(`canary.c${n}.p99`, `the heavy request failed: ${heavyError}`);
      continue;
    }
    const detail = {
      canaryCalls: canary.length,
      heavyCalls: heavy.length,
      heavyMeanMs: round(heavy.reduce((a, b) => a + b, 0) / Math.max(1, heavy.length), 1),
      heavyMaxMs: round(max(heavy), 1),
      heavyError,
    };
    s.set(`canary.c${n}.worst`, round(max(canary), 1), detail);
    s.set(`canary.c${n}.p99`, round(percentile(canary, 99), 1));
  }
  s.note(
    `Canary: GetSession back to back while ListTasks (all tasks, 100 rows, sorted by Created At) runs, each on its own connection, ` +
      `repeatedly for ${opts.canaryMs / 1000} s per filter; the heavy call counts and durations are in report.json.`,
  );
}

interface Probe {
  latencies: number[];
  /** The bench process's own event-loop delay p99 meanwhile, ms. */
  loopDelayP99: number;
  error?: string;
}

/**
 * GetSession every 20 ms from the bench process, idle otherwise while its children run the mix,
 * over the children's own measuring window: the latency of one more client that does not itself
 * compete for the CPU, and that process's own event-loop delay, which is the machine's
 * scheduling delay (both cores are busy).
 */
async function probeGetSession(
  server: RunningServer,
  sessionId: string,
  schedule: Promise<{ measureFrom: number; deadline: number }>,
): Promise<Probe> {
  const { measureFrom, deadline } = await schedule;
  await sleep(Math.max(0, measureFrom - Date.now()));
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const client = h2Unary(server.port);
  const call = encodeCall('sessions', 'GetSession', { session_id: sessionId });
  const latencies: number[] = [];
  let error: string | undefined;
  while (Date.now() < deadline && error === undefined) {
    try {
      latencies.push(await timed(() => client.call(call)));
    } catch (reason) {
      error = errorText(reason);
    }
    await sleep(20);
  }
  client.close();
  loopDelay.disable();
  return { latencies, loopDelayP99: loopDelay.percentile(99) / 1e6, error };
}

/** User + system CPU seconds of a process so far (/proc/<pid>/stat, in clock ticks of 1/100 s). */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

export async function measureLoadMix(
  s: SectionBuilder,
  server: RunningServer,
  opts: LoadOptions,
): Promise<void> {
  const pool = (
    await server.clients.listSessions(
      {
        page: 0,
        page_size: 1000,
        sort: { field: sessionField('CREATED_AT'), direction: 'SORT_DIRECTION_DESC' },
      },
      120_000,
    )
  ).sessions.map((x) => x.session_id);
  if (pool.length === 0) throw new Error('no sessions to query');
  const started = Date.now();
  // The server's CPU is read at the end of the warm-up, when the children start counting.
  let cpuFrom: { server: number; at: number } | undefined;
  const cpuTimer = setTimeout(() => {
    cpuFrom = { server: processCpuSeconds(server.pid), at: Date.now() };
  }, opts.warmupMs);
  let shares: ShareResult[];
  // The probe counts over the children's own window, known once they are all loaded.
  let onSchedule!: (measureFrom: number, deadline: number) => void;
  const schedule = new Promise<{ measureFrom: number; deadline: number }>((resolve) => {
    onSchedule = (measureFrom, deadline) => resolve({ measureFrom, deadline });
  });
  const probe = probeGetSession(server, pool[0]!, schedule);
  try {
    shares = await forkLoadClients({ port: server.port, pool }, opts.clients, LOAD_PROCESSES, {
      warmupMs: opts.warmupMs,
      loadMs: opts.loadMs,
      onSchedule,
    });
  } finally {
    clearTimeout(cpuTimer);
  }
  const probed = await probe;
  s.set('load.probe.getSession.p99', round(percentile(probed.latencies, 99), 1), {
    calls: probed.latencies.length,
    p50: round(percentile(probed.latencies, 50), 1),
    max: round(max(probed.latencies), 1),
    error: probed.error,
  });
  s.set('load.probe.loopDelay', round(probed.loopDelayP99, 1));
  const latencies = new Map<Op, number[]>(
    MIX.map((m) => [m.op, shares.flatMap((r) => r.latencies[m.op])]),
  );
  const errors = shares.reduce((a, r) => a + r.errors, 0);
  const firstError = shares.find((r) => r.firstError)?.firstError;
  const answerBytes = shares.reduce((a, r) => a + r.answerBytes, 0);
  if (cpuFrom) {
    const wallS = (Date.now() - cpuFrom.at) / 1000;
    const loadAverage = round(loadavg()[0] ?? NaN, 1);
    s.set(
      'load.serverCpu',
      round((100 * (processCpuSeconds(server.pid) - cpuFrom.server)) / wallS, 0),
      {
        loadAverage,
      },
    );
    const clientMicros = shares.reduce((a, r) => a + r.cpuMicros, 0);
    s.set('load.clientCpu', round((100 * clientMicros) / 1e6 / wallS, 0), {
      processes: shares.length,
    });
  }
  const all = [...latencies.values()].flat();
  const perOp = Object.fromEntries(
    [...latencies].map(([op, v]) => [
      op,
      {
        n: v.length,
        p50: round(percentile(v, 50), 1),
        p95: round(percentile(v, 95), 1),
        p99: round(percentile(v, 99), 1),
        max: round(max(v), 1),
      },
    ]),
  );
  s.set('load.throughput', round((all.length + errors) / (opts.loadMs / 1000), 0), {
    calls: all.length,
    answerMiB: round(answerBytes / 2 ** 20, 1),
    seconds: opts.loadMs / 1000,
    perOp,
  });
  s.set('load.p99', round(percentile(all, 99), 1), { p50: round(percentile(all, 50), 1) });
  s.set('load.max', round(max(all), 1));
  s.set('load.getSession.p99', round(percentile(latencies.get('getSession')!, 99), 1));
  s.set('load.listSessions.p95', round(percentile(latencies.get('listSessions')!, 95), 1));
  s.set('load.errors', errors, firstError ? { firstError } : undefined);
  const worst = shares.reduce((a, r) => (r.loopDelay.p99 > a.loopDelay.p99 ? r : a));
  s.set('load.clientLoopDelay', round(worst.loopDelay.p99, 1), {
    p50: round(worst.loopDelay.p50, 1),
    max: round(worst.loopDelay.max, 1),
    perProcessP99: shares.map((r) => round(r.loopDelay.p99, 1)),
  });
  const recent = await server.clients.listSessions(
    {
      page: 0,
      page_size: 50,
      sort: { field: sessionField('CREATED_AT'), direction: 'SORT_DIRECTION_DESC' },
    },
    120_000,
  );
  const createdMs = (x: SessionRaw) =>
    x.created_at ? Number(x.created_at.seconds) * 1000 + x.created_at.nanos / 1e6 : NaN;
  const elapsedS = (Date.now() - started) / 1000;
  s.set('load.sessionsOpened', recent.sessions.filter((x) => createdMs(x) >= started).length, {
    seconds: round(elapsedS, 1),
    expected: round((elapsedS / 15) * 0.8, 1),
  });
  s.note(
    `Load mix: ${opts.clients} native gRPC clients on Node's HTTP/2 (no gRPC library: bench/h2-unary.ts) in ${LOAD_PROCESSES} processes, each on its own connection, back to back for ` +
      `${opts.loadMs / 1000} s after a ${opts.warmupMs / 1000} s warm-up; sessions drawn from the ` +
      `${pool.length.toLocaleString('en-US')} most recent; answers are received but not decoded ` +
      `(the client's own decoding would be in every latency). Per-call figures are in report.json.`,
  );
}
