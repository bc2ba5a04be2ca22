/**
 * `npm run bench`: what operators feel, at cluster scale. Builds the production app, starts the
 * embedded control plane at scale serving it, measures the server from a native gRPC client and
 * the console in Chromium (Playwright + CDP), and writes bench/report.md and bench/report.json.
 *
 * A benchmark reports figures; it asserts nothing and is not part of `npm test`. Every section
 * degrades on its own: a missing UI part turns its figures into "not measured: <reason>", and the
 * run still writes both reports. See bench/README.md for how to read them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { NO_GUI, armonikGuiSection } from './browser/armonik-gui';
import { bulkSection } from './browser/bulk';
import { launchChromium } from './browser/chromium';
import { enduranceSection } from './browser/endurance';
import { firstViewSection } from './browser/first-view';
import { overviewSection } from './browser/overview';
import { refreshSection } from './browser/refresh';
import { scrollSection } from './browser/scroll';
import { type BrowserContextForBench, type BrowserSection, prepareViews } from './browser/views';
import { bundleSection, distDir } from './bundle';
import { type SectionId, SECTION_IDS, parseArgs } from './config';
import { machineFacts } from './machine';
import { ROOT } from './paths';
import { type Report, type Section, SectionBuilder, runSection, writeReports } from './report';
import {
  type LargestSession,
  errorText,
  findLargestSession,
  measureLatencies,
  planServerSection,
} from './server-latency';
import { loadOptions, measureCanary, measureLoadMix } from './server-load';
import { type RunningServer, startServer } from './server-process';

type BrowserSectionId = Extract<
  SectionId,
  'firstView' | 'refresh' | 'endurance' | 'bulk' | 'scroll' | 'overview'
>;

const BROWSER_SECTIONS: Record<BrowserSectionId, BrowserSection> = {
  firstView: firstViewSection,
  refresh: refreshSection,
  endurance: enduranceSection,
  bulk: bulkSection,
  scroll: scrollSection,
  overview: overviewSection,
};

const TITLES: Record<SectionId, string> = {
  bundle: '1. Bundle',
  firstView: '2. First view',
  refresh: '3. Refresh cost',
  endurance: '4. Endurance',
  server: '5. Server',
  bulk: '6. Bulk',
  scroll: '7. Scrolling',
  overview: '8. Overview refresh cost',
  armonikGui: "9. This console vs ArmoniK's Admin GUI on the same cluster",
};

function gitCommit(): string | undefined {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
    return dirty ? `${sha} + uncommitted changes` : sha;
  } catch {
    return undefined;
  }
}

/** A section that could not run at all: its figures are planned by `plan` and marked. */
function notRun(id: SectionId, reason: string, plan: (s: SectionBuilder) => void): Section {
  const s = new SectionBuilder(id, TITLES[id]);
  plan(s);
  s.skipAll(reason);
  return s.finish();
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const scale = opts.scale;
  const machine = machineFacts();
  console.log(
    `[bench] ${scale.profile} profile: ${scale.sessions} sessions, ${scale.tasks} tasks, ` +
      `simulation ${scale.simulation ? 'on' : 'off'}; ${machine.cores} cores, ${machine.memoryGiB} GiB`,
  );
  const sections = new Map<SectionId, Section>();
  const want = (id: SectionId) => opts.only.has(id);
  // The comparison needs a built Admin GUI; without one it is reported as not measured.
  const guiMeasured = want('armonikGui') && opts.armonikGui !== undefined;

  // 1. Bundle (builds the app the control plane then serves).
  let buildError: string | undefined;
  if (want('bundle') || opts.build) {
    const section = await runSection('bundle', TITLES.bundle, (s) =>
      bundleSection(s, { root: ROOT, build: opts.build }),
    );
    if (want('bundle')) sections.set('bundle', section);
    if (section.error) buildError = `the production build failed (${section.error.slice(0, 160)})`;
  }

  const needsServer =
    ['firstView', 'refresh', 'overview', 'endurance', 'server', 'bulk', 'scroll'].some((id) =>
      want(id as SectionId),
    ) || guiMeasured;
  let server: RunningServer | undefined;
  let serverError: string | undefined;
  let largest: LargestSession | undefined;
  let largestError: string | undefined;
  let rssStartup: ReturnType<RunningServer['memory']>;
  const cleanup = async () => {
    await server?.stop().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`[bench] ${signal}: stopping the control plane`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  if (needsServer) {
    console.log(
      `[bench] starting the control plane (${scale.sessions} sessions, ${scale.tasks} tasks)…`,
    );
    try {
      server = await startServer({
        root: ROOT,
        sessions: scale.sessions,
        tasks: scale.tasks,
        seed: scale.seed,
        simulation: scale.simulation,
        staticDir: join(ROOT, distDir(ROOT)),
        port: opts.port,
        startTimeoutMs: opts.startTimeoutMs,
      });
      rssStartup = server.memory();
      if (server.firstError)
        console.error(`[bench] the control plane is up but ${server.firstError}`);
      console.log(
        `[bench] control plane up on ${server.url} in ${(server.startupMs / 1000).toFixed(1)} s, RSS ${rssStartup?.rssMiB} MiB`,
      );
    } catch (error) {
      serverError = `the control plane did not start: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
      console.error(`[bench] ${serverError}`, error);
    }
  }

  if (server) {
    try {
      console.log('[bench] looking for the session with the most tasks…');
      largest = await findLargestSession(server.clients, opts.scanBudgetMs);
      console.log(
        `[bench] largest session ${largest.id}: ${largest.tasks} tasks (${largest.scanned}/${largest.totalSessions} scanned in ${largest.scanMs} ms)`,
      );
    } catch (error) {
      largestError = `largest-session search failed: ${errorText(error)}`;
      console.error(`[bench] ${largestError}`);
    }
  }

  // 5. Server latencies first: before the browser loads the machine.
  if (want('server') && server) {
    const running = server;
    const section = await runSection('server', TITLES.server, async (s) => {
      planServerSection(s);
      const ready = running.reportedReadyMs();
      s.set('startup', Math.round(running.startupMs / 100) / 10, {
        serverReportedReadyS: ready === undefined ? undefined : ready / 1000,
      });
      if (ready !== undefined) {
        s.note(
          `Start-up: the server reports itself ready (seeded and listening) after ${(ready / 1000).toFixed(1)} s; ` +
            'the rest is Node + tsx boot and the first call.',
        );
      }
      if (rssStartup) s.set('rss.startup', rssStartup.rssMiB);
      else s.skip('rss.startup', 'no /proc/<pid>/status (not Linux?)');
      if (largestError) s.note(largestError);
      if (largest) {
        s.note(
          `Largest session found by counting the tasks of ${largest.scanned.toLocaleString('en-US')} of ` +
            `${largest.totalSessions.toLocaleString('en-US')} sessions (CountTasksByStatus, 32 in flight) in ${(largest.scanMs / 1000).toFixed(1)} s.`,
        );
      }
      await measureLatencies(s, running, {
        calls: scale.latencyCalls,
        warmup: opts.latencyWarmup,
        largest,
      });
      // Under load (server-load.ts): one heavy request beside a canary, then 64 clients.
      const load = loadOptions(scale.profile);
      const canarySession =
        largest?.id ??
        (await running.clients.listSessions({ page: 0, page_size: 1 })).sessions[0]?.session_id;
      if (canarySession) await measureCanary(s, running, load, canarySession);
      console.log('[bench] load mix: 64 clients…');
      await measureLoadMix(s, running, load);
      s.skipAll('measured at the end of the run', 'rss.');
    });
    // rss.end / rss.peak are filled in at the end.
    for (const f of section.figures)
      if (f.notMeasured === 'measured at the end of the run') delete f.notMeasured;
    sections.set('server', section);
  }

  // 2–4, 6–9. The console in Chromium.
  // Scrolling before bulk: the bulk close changes the sessions the 1,000-row page shows.
  const bodies: Record<BrowserSectionId | 'armonikGui', BrowserSection> = {
    ...BROWSER_SECTIONS,
    armonikGui: armonikGuiSection(opts.armonikGui, join(ROOT, distDir(ROOT))),
  };
  if (want('armonikGui') && !guiMeasured)
    sections.set(
      'armonikGui',
      notRun('armonikGui', NO_GUI, (s) => bodies.armonikGui.plan(s, scale)),
    );
  // The comparison before endurance, scrolling and bulk: the same sessions as sections 2 and 3.
  const browserSections = (
    ['firstView', 'refresh', 'overview', 'armonikGui', 'endurance', 'scroll', 'bulk'] as const
  ).filter((id) => want(id) && (id !== 'armonikGui' || guiMeasured));
  if (browserSections.length && server && !buildError) {
    let ctx: BrowserContextForBench | undefined;
    let browserError: string | undefined;
    const browser = await launchChromium().catch((error: unknown) => {
      browserError = `Chromium did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      return undefined;
    });
    if (browser) {
      try {
        ctx = await prepareViews(browser, server, scale, largest, {
          tasksView: want('firstView'),
          heapSnapshots: opts.heapSnapshots,
        });
      } catch (error) {
        browserError = `the console did not show its sessions grid: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        console.error(`[bench] ${browserError}`, error);
      }
    }
    for (const id of browserSections) {
      const body = bodies[id];
      if (ctx) {
        const c = ctx;
        sections.set(id, await runSection(id, TITLES[id], (s) => body.run(s, c)));
      } else {
        sections.set(
          id,
          notRun(id, browserError ?? 'no browser', (s) => body.plan(s, scale)),
        );
      }
    }
    await browser?.close().catch(() => undefined);
  } else if (browserSections.length) {
    for (const id of browserSections) {
      sections.set(
        id,
        notRun(id, buildError ?? serverError ?? 'no server', (s) => bodies[id].plan(s, scale)),
      );
    }
  }

  // Server memory at the end (after everything the browser made it do).
  if (want('server')) {
    const section =
      sections.get('server') ?? notRun('server', serverError ?? 'no server', planServerSection);
    const mem = server?.memory();
    const fig = (id: string) => section.figures.find((f) => f.id === `server.${id}`);
    if (mem) {
      Object.assign(fig('rss.end') ?? {}, { value: mem.rssMiB, notMeasured: undefined });
      Object.assign(fig('rss.peak') ?? {}, { value: mem.peakRssMiB, notMeasured: undefined });
    } else if (server) {
      for (const id of ['rss.end', 'rss.peak']) {
        Object.assign(fig(id) ?? {}, {
          notMeasured: server.exited() ? 'the control plane had exited' : 'no /proc/<pid>/status',
        });
      }
    }
    if (server?.exited())
      section.notes.push(`The control plane exited during the run. Last output:\n${server.tail()}`);
    sections.set('server', section);
  }
  await cleanup();

  const report: Report = {
    schema: 1,
    generatedAt: new Date().toISOString(),
    scale,
    machine,
    commit: gitCommit(),
    totalSeconds: Math.round((Date.now() - started) / 1000),
    sections: SECTION_IDS.filter((id) => sections.has(id)).map((id) => sections.get(id)!),
  };
  const outDir = resolve(ROOT, opts.outDir);
  mkdirSync(outDir, { recursive: true });
  writeReports(report, join(outDir, 'report.md'), join(outDir, 'report.json'));
  const missing = report.sections.flatMap((s) => s.figures).filter((f) => f.value === null).length;
  console.log(
    `[bench] wrote ${join(opts.outDir, 'report.md')} and report.json in ${report.totalSeconds} s (${missing} figure(s) not measured)`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
