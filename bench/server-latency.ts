/**
 * Section 5 — Server: start-up time and memory of the control plane at scale, and p50/p95 latency
 * of the three reads the console issues most, measured from a native gRPC client (sequential
 * calls after a warm-up, so each number is one call's round trip on an otherwise idle client).
 */
import {
  type GrpcClients,
  type Msg,
  filtersOf,
  sessionField,
  statusEquals,
  taskField,
  tasksOfSession,
} from './grpc-client';
import { type SectionBuilder } from './report';
import { planLoadFigures } from './server-load';
import { type RunningServer } from './server-process';
import { errorText } from './error-text';
import { max, mean, percentile, round } from './stats';

export { errorText };

export interface LargestSession {
  id: string;
  tasks: number;
  /** Sessions whose tasks were counted (all of them unless the time budget ran out). */
  scanned: number;
  totalSessions: number;
  scanMs: number;
}

/**
 * The session with the most tasks: every session id (ListSessions pages), then
 * CountTasksByStatus per session, 32 in flight, within a time budget. When the budget runs out,
 * the largest of the sessions counted so far (the report says how many).
 */
export async function findLargestSession(
  c: GrpcClients,
  budgetMs: number,
): Promise<LargestSession> {
  const started = Date.now();
  const ids: string[] = [];
  const pageSize = 10_000;
  let total = 0;
  for (let page = 0; ; page++) {
    const r = await c.listSessions({ page, page_size: pageSize }, 120_000);
    total = r.total;
    ids.push(...r.sessions.map((s) => s.session_id));
    if (r.sessions.length < pageSize || ids.length >= total) break;
  }
  let best = { id: '', tasks: -1 };
  let next = 0;
  let scanned = 0;
  const deadline = started + budgetMs;
  const worker = async () => {
    while (Date.now() < deadline) {
      const id = ids[next++];
      if (id === undefined) break;
      const r = await c.countTasksByStatus(tasksOfSession(id));
      const n = r.status.reduce((a, s) => a + Number(s.count), 0);
      scanned++;
      if (n > best.tasks) best = { id, tasks: n };
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  if (!best.id) throw new Error('no session found');
  return { ...best, scanned, totalSessions: total, scanMs: Date.now() - started };
}

async function sample(
  calls: number,
  warmup: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; mean: number; max: number; n: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return {
    p50: round(percentile(times, 50), 2),
    p95: round(percentile(times, 95), 2),
    mean: round(mean(times), 2),
    max: round(max(times), 2),
    n: times.length,
  };
}

export interface LatencyOptions {
  calls: number;
  warmup: number;
  largest: LargestSession | undefined;
}

/** The figures of the server section (planned first so a failure still lists them). */
export function planServerSection(s: SectionBuilder): void {
  s.plan(
    'startup',
    'Start-up at scale',
    's',
    'Spawn → first ListSessions answered (seeding included).',
  );
  s.plan(
    'rss.startup',
    'Memory after start-up (RSS)',
    'MiB',
    'Resident memory of the control plane once seeded.',
    '≤ 800 MiB at full scale',
  );
  s.plan(
    'rss.end',
    'Memory at the end of the run (RSS)',
    'MiB',
    'After every other section ran (simulation on, sessions closed).',
  );
  s.plan(
    'rss.peak',
    'Peak memory (VmHWM)',
    'MiB',
    'Highest resident memory the process reached during the whole run.',
    '≤ 1,200 MiB at full scale',
  );
  for (const [id, what] of [
    ['listSessions', 'ListSessions (filtered + sorted, 100 rows)'],
    ['listTasks', 'ListTasks, one session (100 rows)'],
    ['countTasks', 'CountTasksByStatus, one session'],
  ]) {
    s.plan(
      `${id}.p50`,
      `${what} p50`,
      'ms',
      'Median round trip, native gRPC client, sequential calls.',
    );
    s.plan(
      `${id}.p95`,
      `${what} p95`,
      'ms',
      '95th percentile: the slow calls an operator notices.',
      id === 'listSessions' ? '≤ 20 ms at full scale' : undefined,
    );
  }
  planLoadFigures(s);
}

export async function measureLatencies(
  s: SectionBuilder,
  server: RunningServer,
  opts: LatencyOptions,
): Promise<void> {
  const c = server.clients;
  const listSessions: Msg = {
    page: 0,
    page_size: 100,
    filters: filtersOf([statusEquals(sessionField('STATUS'), 'SESSION_STATUS_RUNNING')]),
    sort: { field: sessionField('CREATED_AT'), direction: 'SORT_DIRECTION_DESC' },
  };
  const attempt = async (
    id: string,
    fn: () => Promise<unknown>,
    detail: Record<string, unknown>,
  ) => {
    try {
      const r = await sample(opts.calls, opts.warmup, fn);
      s.set(`${id}.p50`, r.p50, { ...r, ...detail });
      s.set(`${id}.p95`, r.p95);
    } catch (error) {
      s.skip(`${id}.p50`, `the call failed: ${errorText(error)}`);
      s.skip(`${id}.p95`, `the call failed: ${errorText(error)}`);
    }
  };
  await attempt('listSessions', () => c.call('sessions', 'ListSessions', listSessions), {
    request: 'status = Running, sort Created At desc, page 0 × 100',
  });
  if (!opts.largest) {
    for (const id of ['listTasks.p50', 'listTasks.p95', 'countTasks.p50', 'countTasks.p95']) {
      s.skip(id, 'no session to query (largest-session search failed)');
    }
    return;
  }
  const session = opts.largest.id;
  const listTasks: Msg = {
    page: 0,
    page_size: 100,
    filters: tasksOfSession(session),
    sort: { field: taskField('CREATED_AT'), direction: 'SORT_DIRECTION_DESC' },
  };
  await attempt('listTasks', () => c.call('tasks', 'ListTasks', listTasks), {
    session,
    sessionTasks: opts.largest.tasks,
  });
  await attempt('countTasks', () => c.countTasksByStatus(tasksOfSession(session)), { session });
  s.note(
    `Latencies: ${opts.calls} sequential calls per RPC after ${opts.warmup} warm-up calls, on the largest session ` +
      `(\`${session}\`, ${opts.largest.tasks.toLocaleString('en-US')} tasks), simulation running, the bench client on the same 2-core machine.`,
  );
}
