/**
 * Section 9 — this console against ArmoniK's own Admin GUI on the same cluster: one run, one
 * control plane, one Chromium, each console on an origin of its own in front of that plane
 * (../origin-beside.ts). For each: the cold first load of its sessions list (bytes on the wire
 * until settled, by type; gRPC calls; time to the first session id; time to 100 rows) and the
 * cost of one click on its Refresh button on a 100-row page. The two are measured alternately,
 * run after run, so the simulation moves under both alike.
 *
 * The Admin GUI is never part of the project: the run is given a built copy (`--armonik-gui
 * DIR`), finds its controls by role and accessible name, and reports "not measured" without one.
 */
import { type Page } from '@playwright/test';

import { errorText } from '../error-text';
import { type OriginBeside, serveBeside } from '../origin-beside';
import { type Scale, type SectionBuilder, type Side } from '../report';
import { mean, median, percentile, round } from '../stats';
import { openPage } from './chromium';
import { type CycleResult, autoRefreshOff, refreshButton, refreshCycle, settle } from './cycle';
import { type GridProbe, waitForGrid } from './grid';
import { NetworkMeter, type Request, grpcTraffic } from './network';
import { type BrowserContextForBench, type BrowserSection, PAGE_SIZE } from './views';

export const NO_GUI =
  'pass --armonik-gui DIR (a built ArmoniK Admin GUI; bench/README.md says how to build one)';

const SIDES: [Side, Side] = [
  { key: 'console', title: 'this console' },
  { key: 'gui', title: "ArmoniK's Admin GUI" },
];

/**
 * The Admin GUI loads Roboto and Material Icons from Google Fonts. A cluster without Internet
 * access (and this bench) cannot reach them: they are blocked, so every run sees the same thing
 * (its icons then render as words) and no byte of theirs is counted.
 */
const OFF_CLUSTER = ['*://fonts.googleapis.com/*', '*://fonts.gstatic.com/*'];

/** One console as the section drives it. */
interface Subject {
  title: string;
  origin: OriginBeside;
  /** Path and query of its sessions list with 100 rows. */
  path: string;
  /** "100 rows shown": its table's accessible name, rows and headers. */
  grid: GridProbe;
  autoRefreshOff(page: Page): Promise<string>;
}

interface ColdRun {
  firstIdMs: number;
  shownMs: number;
  settledMs: number;
  calls: number;
  byMethod: Record<string, number>;
  /** An automatic refresh started before the first load had settled (and was left out). */
  autoRefreshCut: boolean;
  kB: number;
  byType: Record<string, number>;
  blocked: number;
}

/**
 * The requests of the first load: up to the first repeat of its first ListSessions (the same
 * request body size, i.e. the same page asked again), which is an automatic refresh — the Admin
 * GUI refreshes every 10 s by default, and at scale its first load can take longer than that.
 */
function firstLoad(requests: Request[]): Request[] {
  const lists = requests.filter((r) => r.grpc && r.name.endsWith('/ListSessions'));
  const first = lists[0];
  const repeat = lists.find((r) => r !== first && r.sentBytes === first?.sentBytes);
  return repeat ? requests.filter((r) => r.seq < repeat.seq) : requests;
}

/** Runs in the page: the first frame where a cell of the table shows a session id (a UUID). */
function firstSessionId(table: string): number | false {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
  const found = [
    ...document.querySelectorAll('table,[role=table],[role=grid],[role=treegrid]'),
  ].find((t) => t.getAttribute('aria-label') === table);
  if (!found) return false;
  for (const c of found.querySelectorAll('td,[role=cell],[role=gridcell]')) {
    if (!uuid.test(c.textContent ?? '')) continue;
    const r = c.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) return performance.now();
  }
  return false;
}

async function openSubject(ctx: BrowserContextForBench, subject: Subject) {
  const bp = await openPage(ctx.browser, subject.origin.url);
  const meter = await NetworkMeter.attach(bp.cdp);
  await bp.cdp.send('Network.setBlockedURLs', { urls: OFF_CLUSTER });
  return { bp, meter };
}

async function coldLoad(ctx: BrowserContextForBench, subject: Subject): Promise<ColdRun> {
  const { bp, meter } = await openSubject(ctx, subject);
  try {
    const { page } = bp;
    await page.goto(subject.path, { waitUntil: 'commit' });
    const idHandle = await page.waitForFunction(firstSessionId, subject.grid.table, {
      polling: 'raf',
      timeout: ctx.loadTimeoutMs,
    });
    const firstIdMs = (await idHandle.jsonValue()) as number;
    const shownMs = await waitForGrid(page, subject.grid, ctx.loadTimeoutMs);
    await settle(page, meter, 0, { quietMs: 1_000, timeoutMs: ctx.loadTimeoutMs });
    const load = firstLoad(meter.requests);
    const doc = load.find((r) => r.type === 'Document') ?? load[0];
    const answered = load.filter((r) => r.grpc && !r.stream && r.end !== undefined);
    const lastEnd = Math.max(...answered.map((r) => r.end ?? 0));
    const byType: Record<string, number> = {};
    for (const r of load) byType[r.type] = round((byType[r.type] ?? 0) + r.receivedBytes / 1000, 1);
    const traffic = grpcTraffic(load);
    return {
      firstIdMs: round(firstIdMs, 0),
      shownMs: round(shownMs, 0),
      settledMs: round(Math.max(shownMs, (lastEnd - (doc?.start ?? 0)) * 1000), 0),
      calls: traffic.calls,
      byMethod: traffic.byMethod,
      autoRefreshCut: load.length < meter.requests.length,
      kB: round(load.reduce((a, r) => a + r.receivedBytes, 0) / 1000, 1),
      byType,
      blocked: load.filter((r) => r.failed !== undefined && !r.url.startsWith(subject.origin.url))
        .length,
    };
  } finally {
    await bp.close();
  }
}

/** The sessions list loaded, quiet, auto-refresh off and 3 warm-up refreshes: a steady state. */
async function steadyPage(ctx: BrowserContextForBench, subject: Subject) {
  const { bp, meter } = await openSubject(ctx, subject);
  try {
    await bp.page.goto(subject.path, { waitUntil: 'commit' });
    await waitForGrid(bp.page, subject.grid, ctx.loadTimeoutMs);
    await meter.waitIdle(0, { quietMs: 1_000, timeoutMs: ctx.loadTimeoutMs });
    const off = await subject.autoRefreshOff(bp.page);
    const button = refreshButton(bp.page);
    if ((await button.count()) === 0) throw new Error(`no "Refresh" button in ${subject.title}`);
    for (let i = 0; i < 3; i++) await refreshCycle(bp, meter, button);
    return { bp, meter, button, off };
  } catch (error) {
    await bp.close();
    throw error;
  }
}

/**
 * The Admin GUI's auto-refresh (on, every 10 s, by default) is set in a dialog: its button
 * "Set up Auto Refresh - …", a "Value" select whose choices include "Disabled", "Confirm".
 */
async function guiAutoRefreshOff(page: Page): Promise<string> {
  const open = page.getByRole('button', { name: /auto refresh/i }).first();
  if ((await open.count()) === 0) return 'no "Set up Auto Refresh" button';
  await open.click();
  const dialog = page.getByRole('dialog', { name: /auto refresh/i });
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  await dialog.getByRole('combobox').first().click();
  const disabled = page.getByRole('option', { name: /^\s*disabled\s*$/i });
  if ((await disabled.count()) === 0) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    return 'no "Disabled" choice in "Set up Auto Refresh"';
  }
  await disabled.first().click();
  await dialog.getByRole('button', { name: /^\s*confirm\s*$/i }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  return 'off';
}

/** The same function applied to both sides. */
const both = <T, U>([a, b]: [T, T], f: (x: T) => U): [U, U] => [f(a), f(b)];

const byTypeText = (byType: Record<string, number>) =>
  Object.entries(byType)
    .filter(([, kB]) => kB > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([type, kB]) => `${type} ${kB}`)
    .join(', ');

function plan(s: SectionBuilder, scale: Scale): void {
  const cold = `cold cache, median of ${scale.firstViewRuns}`;
  const refresh = `median of ${scale.refreshSamples} refreshes`;
  const row = (id: string, label: string, unit: string, meaning: string) =>
    s.compare(SIDES, id, label, unit, meaning);
  row(
    'firstLoad.bytes',
    'Cold first load of the sessions list: bytes on the wire until settled',
    'kB',
    `HTML, JS, CSS, fonts and gRPC answers, from navigation until every call answered and 1 s quiet (${cold}).`,
  );
  row('firstLoad.calls', 'Cold first load: gRPC calls', 'calls', 'Calls made until settled.');
  row(
    'firstId',
    'First session id shown',
    'ms',
    `Navigation → the first frame where a cell of the sessions table shows a session id (${cold}).`,
  );
  row(
    'shown',
    '100 rows shown',
    'ms',
    'Navigation → the sessions table shows 100 rows (this console: every column; the GUI: its default columns).',
  );
  row(
    'settled',
    'Cold first load settled',
    'ms',
    'Navigation → the last gRPC answer of the first load.',
  );
  row(
    'refresh.calls',
    'gRPC calls per refresh of a 100-row page',
    'calls',
    `One click on the page's "Refresh" in a steady state, auto-refresh off (${refresh}).`,
  );
  row(
    'refresh.received',
    'Bytes received per refresh',
    'kB',
    'gRPC answers on the wire, headers included.',
  );
  row('refresh.sent', 'Bytes sent per refresh', 'kB', 'gRPC request bodies.');
  row('refresh.wall', 'Refresh time p50', 'ms', 'Click → every answer in and painted.');
  row(
    'refresh.longTasks',
    'Long tasks per refresh',
    'tasks',
    'Main-thread tasks over 50 ms during a refresh (mean).',
  );
}

export function armonikGuiSection(guiDir: string | undefined, consoleDir: string): BrowserSection {
  return {
    plan,
    async run(s, ctx) {
      plan(s, ctx.scale);
      if (guiDir === undefined) {
        s.skipAll(NO_GUI);
        return;
      }
      const origins: OriginBeside[] = [];
      try {
        origins.push(await serveBeside(consoleDir, ctx.server.url, 'console'));
        origins.push(await serveBeside(guiDir, ctx.server.url, 'armonik-gui'));
        const [ours, theirs] = origins as [OriginBeside, OriginBeside];
        const subjects: [Subject, Subject] = [
          {
            title: SIDES[0].title,
            origin: ours,
            path: ctx.sessions.url,
            grid: ctx.sessions,
            autoRefreshOff,
          },
          {
            title: SIDES[1].title,
            origin: theirs,
            path: '/sessions',
            grid: { table: 'Data Table', rows: PAGE_SIZE, headers: ['Session ID'] },
            autoRefreshOff: guiAutoRefreshOff,
          },
        ];
        await measureColdLoads(s, ctx, subjects);
        await measureRefreshes(s, ctx, subjects);
        s.note(
          `Both consoles are served beside the one control plane (${ctx.server.url}), each on its own origin ` +
            "by the plane's static handler, with their gRPC-web calls forwarded to it: same data, same extra hop. " +
            `This console: \`${ctx.sessions.url}\` (${ctx.sessions.headers.length} columns). ` +
            `ArmoniK's Admin GUI (${guiDir}): \`/sessions\` as it opens, ${PAGE_SIZE} rows per page, its default columns.`,
        );
        s.note(
          `Requests to Google Fonts (${OFF_CLUSTER.join(', ')}) are blocked, as on a cluster without Internet access.`,
        );
      } finally {
        for (const o of origins) await o.close();
      }
    },
  };
}

async function measureColdLoads(
  s: SectionBuilder,
  ctx: BrowserContextForBench,
  subjects: [Subject, Subject],
): Promise<void> {
  const runs: [ColdRun[], ColdRun[]] = [[], []];
  for (let i = 0; i < ctx.scale.firstViewRuns; i++) {
    for (const [k, subject] of subjects.entries()) {
      const run = await coldLoad(ctx, subject).catch((error: unknown) => {
        throw new Error(`${subject.title}, cold load: ${errorText(error)}`);
      });
      runs[k]?.push(run);
    }
  }
  const med = (pick: (r: ColdRun) => number) => both(runs, (rs) => median(rs.map(pick)));
  const samples = (pick: (r: ColdRun) => number) => both(runs, (rs) => ({ runs: rs.map(pick) }));
  s.setCompared(
    'firstLoad.bytes',
    med((r) => r.kB),
    both(runs, (rs) => ({ runs: rs.map((r) => r.kB), byResourceTypeKB: rs[0]?.byType })),
  );
  s.setCompared(
    'firstLoad.calls',
    med((r) => r.calls),
    both(runs, (rs) => ({ runs: rs.map((r) => r.calls), byMethod: rs[0]?.byMethod })),
  );
  s.setCompared(
    'firstId',
    med((r) => r.firstIdMs),
    samples((r) => r.firstIdMs),
  );
  s.setCompared(
    'shown',
    med((r) => r.shownMs),
    samples((r) => r.shownMs),
  );
  s.setCompared(
    'settled',
    med((r) => r.settledMs),
    samples((r) => r.settledMs),
  );
  s.note(
    `Cold first load by resource type (kB on the wire, first run): ${subjects
      .map((subject, k) => `${subject.title}: ${byTypeText(runs[k]?.[0]?.byType ?? {})}`)
      .join('; ')}.`,
  );
  for (const [k, subject] of subjects.entries()) {
    const cut = (runs[k] ?? []).filter((r) => r.autoRefreshCut).length;
    if (cut)
      s.note(
        `${subject.title}: in ${cut} of ${runs[k]?.length} cold loads an automatic refresh started before the first load had settled; ` +
          'its calls (from the repeated ListSessions on) are not counted in that load.',
      );
    const blocked = runs[k]?.[0]?.blocked ?? 0;
    if (blocked)
      s.note(`${subject.title}: ${blocked} request(s) off the cluster blocked per load.`);
  }
}

async function measureRefreshes(
  s: SectionBuilder,
  ctx: BrowserContextForBench,
  subjects: [Subject, Subject],
): Promise<void> {
  const pages: Awaited<ReturnType<typeof steadyPage>>[] = [];
  try {
    for (const subject of subjects) {
      pages.push(await steadyPage(ctx, subject));
      const off = pages.at(-1)?.off;
      if (off !== 'off')
        s.note(
          `${subject.title}: auto-refresh could not be turned off (${off}); ticks may overlap samples.`,
        );
    }
    const cycles: [CycleResult[], CycleResult[]] = [[], []];
    for (let i = 0; i < ctx.scale.refreshSamples; i++) {
      for (const [k, p] of pages.entries()) {
        const cycle = await refreshCycle(p.bp, p.meter, p.button, {
          collectLongTasks: true,
          quietMs: 200,
        });
        if (cycle.ok) cycles[k]?.push(cycle);
      }
    }
    for (const [k, subject] of subjects.entries()) {
      if (cycles[k]?.length === 0)
        throw new Error(`no refresh of ${subject.title} settled within 30 s`);
    }
    const med = (pick: (c: CycleResult) => number) => both(cycles, (cs) => median(cs.map(pick)));
    const samples = (pick: (c: CycleResult) => number) =>
      both(cycles, (cs) => ({ samples: cs.map(pick) }));
    s.setCompared(
      'refresh.calls',
      med((c) => c.traffic.calls),
      both(cycles, (cs) => ({
        samples: cs.map((c) => c.traffic.calls),
        byMethod: cs[0]?.traffic.byMethod,
      })),
    );
    s.setCompared(
      'refresh.received',
      med((c) => round(c.traffic.receivedBytes / 1000, 1)),
      samples((c) => round(c.traffic.receivedBytes / 1000, 1)),
    );
    s.setCompared(
      'refresh.sent',
      med((c) => round(c.traffic.sentBytes / 1000, 1)),
      samples((c) => round(c.traffic.sentBytes / 1000, 1)),
    );
    s.setCompared(
      'refresh.wall',
      both(cycles, (cs) =>
        round(
          percentile(
            cs.map((c) => c.wallMs),
            50,
          ),
          0,
        ),
      ),
      samples((c) => round(c.wallMs, 0)),
    );
    s.setCompared(
      'refresh.longTasks',
      both(cycles, (cs) => round(mean(cs.map((c) => c.longTasks.length)), 2)),
      samples((c) => c.longTasks.length),
    );
    s.note(
      `Calls per refresh by method (first sample): ${subjects
        .map(
          (subject, k) =>
            `${subject.title}: ${Object.entries(cycles[k]?.[0]?.traffic.byMethod ?? {})
              .map(([m, n]) => `${m} ${n}`)
              .join(', ')}`,
        )
        .join('; ')}.`,
    );
    s.note(
      `Refreshes alternate between the two pages (both open, auto-refresh off, ${ctx.scale.refreshSamples} samples each after 3 warm-up clicks).`,
    );
  } finally {
    for (const p of pages) await p.bp.close();
  }
}
