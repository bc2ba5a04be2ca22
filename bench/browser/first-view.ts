/**
 * Section 2 — First view: a cold navigation (new browser context: empty cache and storage) to the
 * sessions grid with 100 rows and every column, timed until the grid shows them; the same for the
 * tasks grid of the largest session. Median of N runs.
 */
import { type Scale, type SectionBuilder } from '../report';
import { median, round } from '../stats';
import { heapAfterGc, openPage } from './chromium';
import { showGrid } from './grid';
import { settle } from './cycle';
import { NetworkMeter, grpcTraffic } from './network';
import { type BrowserContextForBench, type BrowserSection, type View } from './views';

interface Run {
  shownMs: number;
  settledMs: number;
  grpcCalls: number;
  totalKB: number;
  byType: Record<string, number>;
  /** Live DOM nodes once settled, after a GC. */
  domNodes: number;
  /** Every download that is not a gRPC call: what the page itself costs, file by file. */
  files: { name: string; type: string; kB: number }[];
}

async function coldLoad(ctx: BrowserContextForBench, view: View): Promise<Run> {
  const bp = await openPage(ctx.browser, ctx.server.url);
  try {
    const meter = await NetworkMeter.attach(bp.cdp);
    const shownMs = await showGrid(bp, view.url, view, ctx.loadTimeoutMs);
    // Settled: every call of the first view answered (per-row counts included), 1 s quiet.
    await settle(bp.page, meter, 0, { quietMs: 1_000, timeoutMs: ctx.loadTimeoutMs });
    const doc = meter.requests.find((r) => r.type === 'Document') ?? meter.requests.at(0);
    if (!doc) throw new Error(`no request seen while loading ${view.url}`);
    const grpc = meter.requests.filter((r) => r.grpc && !r.stream && r.end !== undefined);
    const lastEnd = Math.max(...grpc.map((r) => r.end!));
    const byType: Record<string, number> = {};
    for (const r of meter.requests)
      byType[r.type] = round((byType[r.type] ?? 0) + r.receivedBytes / 1000, 1);
    const files = meter.requests
      .filter((r) => !r.grpc)
      .map((r) => ({ name: r.name, type: r.type, kB: round(r.receivedBytes / 1000, 1) }));
    const { nodes } = await heapAfterGc(bp.cdp);
    return {
      domNodes: nodes,
      files,
      shownMs: round(shownMs, 0),
      settledMs: round(Math.max(shownMs, (lastEnd - doc.start) * 1000), 0),
      grpcCalls: grpcTraffic(meter.requests).calls,
      totalKB: round(meter.requests.reduce((a, r) => a + r.receivedBytes, 0) / 1000, 1),
      byType,
    };
  } finally {
    await bp.close();
  }
}

export const firstViewSection: BrowserSection = {
  plan(s: SectionBuilder, scale: Scale) {
    const n = `median of ${scale.firstViewRuns}, cold cache`;
    s.plan(
      'sessions.shown',
      'Sessions grid: 100 rows, all columns shown',
      'ms',
      `Navigation → grid painted with 100 rows and every column (${n}).`,
      'target ≤ 1,000 ms at full scale (issue 12)',
    );
    s.plan(
      'sessions.settled',
      'Sessions grid: every call answered',
      'ms',
      'Navigation → last gRPC answer of the first view (per-row task counts included).',
    );
    s.plan(
      'sessions.calls',
      'Sessions grid: gRPC calls of the first view',
      'calls',
      'Calls the console makes to paint that view.',
    );
    s.plan(
      'sessions.bytes',
      'Sessions grid: bytes received for the first view',
      'kB',
      'Everything downloaded (HTML, JS, CSS, fonts, gRPC) until settled, on the wire.',
      'target ≤ 350 kB (issue 12)',
    );
    s.plan(
      'sessions.domNodes',
      'Sessions grid: DOM nodes of the 100-row, 23-column page',
      'nodes',
      'Live DOM nodes once settled (CDP Performance.getMetrics after a GC): what the browser lays out and styles on every change.',
      'target < 8,000 (issue 13)',
    );
    s.plan(
      'tasks.shown',
      'Tasks grid of the largest session: 100 rows, all columns shown',
      'ms',
      `Navigation → tasks grid painted (${n}).`,
    );
    s.plan(
      'tasks.settled',
      'Tasks grid: every call answered',
      'ms',
      'Navigation → last gRPC answer of the tasks view.',
    );
  },
  async run(s, ctx) {
    this.plan(s, ctx.scale);
    const measure = async (prefix: string, view: View) => {
      const runs: Run[] = [];
      for (let i = 0; i < ctx.scale.firstViewRuns; i++) runs.push(await coldLoad(ctx, view));
      s.set(`${prefix}.shown`, median(runs.map((r) => r.shownMs)), {
        runs: runs.map((r) => r.shownMs),
        url: view.url,
      });
      s.set(`${prefix}.settled`, median(runs.map((r) => r.settledMs)), {
        runs: runs.map((r) => r.settledMs),
      });
      return runs;
    };
    const runs = await measure('sessions', ctx.sessions);
    const firstRun = runs.at(0);
    s.set('sessions.calls', median(runs.map((r) => r.grpcCalls)), {
      runs: runs.map((r) => r.grpcCalls),
    });
    s.set('sessions.bytes', median(runs.map((r) => r.totalKB)), {
      runs: runs.map((r) => r.totalKB),
      byResourceTypeKB: firstRun?.byType,
      // Every file of the first run, largest first: which chunks a cut took off the first view.
      files: [...(firstRun?.files ?? [])].sort((a, b) => b.kB - a.kB),
    });
    s.set('sessions.domNodes', median(runs.map((r) => r.domNodes)), {
      runs: runs.map((r) => r.domNodes),
    });
    const types = Object.entries(firstRun?.byType ?? {}).sort((a, b) => b[1] - a[1]);
    s.note(
      `First view bytes by resource type (kB, first run): ${types.map(([t, kb]) => `${t} ${kb}`).join(', ')}.`,
    );
    const files = [...(firstRun?.files ?? [])].sort((a, b) => b.kB - a.kB);
    const scripts = files.filter((f) => f.type === 'Script');
    s.note(
      `First view files (first run, largest first): ${files
        .filter((f) => f.type !== 'Script')
        .map((f) => `${f.name} (${f.type}) ${f.kB}`)
        .join(', ')}; ${scripts.length} scripts, largest ${scripts
        .slice(0, 6)
        .map((f) => `${f.name} ${f.kB}`)
        .join(', ')}.`,
    );
    s.note(`Sessions view URL: \`${ctx.sessions.url}\` (${ctx.sessions.headers.length} columns).`);
    if (ctx.tasks) {
      await measure('tasks', ctx.tasks);
      s.note(
        `Tasks view URL: \`${ctx.tasks.url}\` (${ctx.tasks.headers.length} columns; session with ${ctx.largest?.tasks.toLocaleString('en-US')} tasks).`,
      );
    } else {
      s.skip('tasks.shown', ctx.tasksError ?? 'no tasks view');
      s.skip('tasks.settled', ctx.tasksError ?? 'no tasks view');
    }
    s.note(
      '"Shown" is read in the page on every animation frame (performance.now() since navigation start); the server keeps its data warm between runs, the browser starts cold each time.',
    );
  },
};
