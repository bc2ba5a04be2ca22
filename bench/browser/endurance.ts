/**
 * Section 4 — Endurance: the 100-row sessions page refreshed N times in a row (click "Refresh",
 * wait for the answers, repeat), after a warm-up. JS heap (after a forced full GC) and live DOM
 * nodes are read at checkpoints: after 10 cycles, after the warm-up, and on to N more. A flat
 * line is the goal; a slope is a leak.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { type Page } from '@playwright/test';

import { ROOT } from '../paths';
import { type Scale, type SectionBuilder } from '../report';
import { percentile, round } from '../stats';
import { type HeapReading, heapAfterGc, openPage } from './chromium';
import { autoRefreshOff, refreshButton, refreshCycle } from './cycle';
import { showGrid } from './grid';
import { type HeapSummary, growth, netBytes, summarize, takeHeapSnapshot } from './heap-snapshot';
import { NetworkMeter } from './network';
import { type BrowserSection } from './views';

const MiB = (b: number) => round(b / 1024 / 1024, 2);

/**
 * The run's shape for N measured cycles: a warm-up, then the N cycles the target slope is taken
 * over, and the checkpoints where the heap is read (the 10-cycle baseline, the warm-up's end, and
 * on to the end). The heap snapshots of a 1,000-cycle run showed the console's objects growing
 * until a few hundred cycles in and flat after (bench/README.md, section 4): what fills up is
 * bounded — the table's cache of one recycled row view, the count chips of the buffer rows below
 * the screen as new sessions push counted rows down, Angular's view registry growing its hash
 * table once. A per-refresh leak grows on after the warm-up too, and the slope over the N cycles
 * after it is what says so.
 */
function enduranceRun(cycles: number): { warmUp: number; total: number; checkpoints: number[] } {
  const warmUp = Math.min(100, Math.round(cycles / 5));
  const total = warmUp + cycles;
  const after = [0, 0.15, 0.4, 0.65, 0.9, 1].map((f) => warmUp + Math.round(f * cycles));
  const checkpoints = [...new Set([10, 50, ...after])]
    .filter((c) => c <= total)
    .sort((a, b) => a - b);
  return { warmUp, total, checkpoints };
}

/**
 * Empties the bench's own long-task list in the page (chromium.ts's probe keeps every long task
 * for the sections that count them; this one does not): left alone, it grows by two numbers per
 * long task (≈ 85 kB over 1,000 loaded cycles) and would count as the console's objects.
 */
const forgetLongTasks = (page: Page) =>
  page.evaluate(() => {
    const probe = (window as { __bench?: { longTasks?: unknown[] } }).__bench;
    if (probe?.longTasks) probe.longTasks.length = 0;
  });

// Four buckets of a heap snapshot: the console's JS objects (the figure held against the
// target); V8's compiled code (hot functions optimised as the run warms up); DevTools' record of
// the requests the bench's own meter watches; Blink's other objects (DOM, styles, the browser's
// timeline buffers), whose kept-DOM part the detached count isolates.
const isCode = (key: string) => key.startsWith('code:');
const isDevtools = (key: string) => key.startsWith('native:blink::NetworkResourcesData');
const isBlink = (key: string) => key.startsWith('native:') && !isDevtools(key);
const isConsole = (key: string) => !isCode(key) && !key.startsWith('native:');

/** Bytes of the console's JS objects in a snapshot (every group but code and natives). */
function consoleBytes(groups: HeapSummary['groups']): number {
  let bytes = 0;
  for (const group of groups.values()) if (isConsole(group.key)) bytes += group.selfBytes;
  return bytes;
}

/** Least-squares slope of y over x, over the points from x = `from` on, to 2 decimals. */
function slopeFrom(points: readonly { x: number; y: number }[], from: number): number {
  return round(slope(points.filter((p) => p.x >= from)), 2);
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const num = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return den ? num / den : Number.NaN;
}

export const enduranceSection: BrowserSection = {
  plan(s: SectionBuilder, scale: Scale) {
    const n = scale.enduranceCycles.toLocaleString('en-US');
    const run = enduranceRun(scale.enduranceCycles);
    const end = run.total.toLocaleString('en-US');
    const warmUp = run.warmUp.toLocaleString('en-US');
    s.plan(
      'heap.10',
      'JS heap after 10 cycles',
      'MiB',
      'Live JS heap after a forced full GC: the baseline.',
    );
    s.plan(
      'heap.end',
      `JS heap after ${end} cycles`,
      'MiB',
      'Same reading at the end: should equal the baseline.',
    );
    s.plan(
      'heap.growth',
      'Heap growth 10 → end',
      'MiB',
      'End minus baseline; > 0 across many cycles means something is retained per refresh.',
    );
    s.plan(
      'heap.perCycle',
      'Heap slope, whole JS heap',
      'kB/cycle',
      'Least-squares slope of the JS heap over every checkpoint after 10 cycles (≈ 0 is flat). It includes V8\'s compiled code, which grows as the engine optimises the functions that get hot ("Compiled code" below): the figure of the issue\'s table, kept for comparison.',
    );
    s.plan(
      'objects.slope',
      "Heap slope, the console's objects",
      'kB/cycle',
      `Least-squares slope of the heap's JS objects, strings, arrays and closures, read from a heap snapshot at each checkpoint (the JS heap without V8's compiled code and Blink's native objects), over the ${n} cycles after a ${warmUp}-cycle warm-up. ≈ 0 means refreshes keep nothing.`,
      `target ≤ 0.2 kB/cycle over ${n} cycles (issue 12)`,
    );
    s.plan(
      'objects.slope.from10',
      "Heap slope, the console's objects, from cycle 10",
      'kB/cycle',
      'The same slope over every checkpoint from the 10th cycle on, warm-up included: the figure this report gave before the warm-up was set apart; bounded caches filling up (see the warm-up) raise it, a leak would too.',
    );
    s.plan(
      'heap.perCycle.secondHalf',
      'Heap slope, second half of the run',
      'kB/cycle',
      'The same slope over the checkpoints from half the run on, once the hot code is compiled: what still grows.',
    );
    s.plan(
      'objects.perCycle',
      "Console's objects, growth per cycle",
      'kB/cycle',
      "From the first and last heap snapshots: net growth of every JS object, string, array and closure; V8's compiled code and Blink's objects are apart (below), and DOM the console keeps shows in the detached and live DOM node counts.",
    );
    s.plan(
      'code.perCycle',
      'Compiled code, growth per cycle',
      'kB/cycle',
      "V8's machine code and feedback for functions it optimises as they get hot: the engine warming up, counted in the JS heap, not data the console keeps.",
    );
    s.plan(
      'devtools.perCycle',
      "DevTools' network record, growth per cycle",
      'kB/cycle',
      "Blink's record of every request (NetworkResourcesData), kept because the bench meters the network through CDP: the measuring tool's, not the console's; outside the JS heap and the DOM count.",
    );
    s.plan(
      'blink.perCycle',
      "Blink's other objects, growth per cycle",
      'kB/cycle',
      "Every other native object in the snapshots: DOM nodes, computed styles, the browser's performance-timeline and paint-tracking buffers. Noisy and mostly the browser's own caches; whether it is kept DOM, the detached count says.",
    );
    s.plan(
      'detached.10',
      'Detached DOM nodes after 10 cycles',
      'nodes',
      'From the first heap snapshot: DOM nodes out of the document that something still references (DevTools\' "Detached" filter).',
    );
    s.plan(
      'detached.end',
      `Detached DOM nodes after ${end} cycles`,
      'nodes',
      'Same count in the last snapshot: growth is removed rows the console keeps.',
    );
    s.plan(
      'nodes.10',
      'DOM nodes after 10 cycles',
      'nodes',
      'Live DOM nodes (CDP Performance.getMetrics) after the same GC.',
    );
    s.plan(
      'nodes.end',
      `DOM nodes after ${end} cycles`,
      'nodes',
      'Should equal the 10-cycle count: rows are replaced, not accumulated. Counts detached nodes still referenced, too.',
    );
    s.plan(
      'listeners.10',
      'Event listeners after 10 cycles',
      'listeners',
      'JS event listeners alive at the baseline.',
    );
    s.plan(
      'listeners.end',
      `Event listeners after ${end} cycles`,
      'listeners',
      'Same count at the end (growth means handlers leak with rows).',
    );
    s.plan(
      'cycle.p50',
      'Cycle time p50',
      'ms',
      'One refresh cycle, click → painted, over the whole run.',
    );
    s.plan(
      'cycle.p95',
      'Cycle time p95',
      'ms',
      'The slow cycles (server under simulation, GC pauses).',
    );
    s.plan(
      'cycles.failed',
      'Cycles that did not settle',
      'cycles',
      'Refreshes still waiting for an answer after 30 s (should be 0).',
    );
  },
  async run(s, ctx) {
    this.plan(s, ctx.scale);
    const { warmUp, total, checkpoints } = enduranceRun(ctx.scale.enduranceCycles);
    const bp = await openPage(ctx.browser, ctx.server.url);
    try {
      const { page, cdp } = bp;
      const meter = await NetworkMeter.attach(bp.cdp);
      await showGrid(bp, ctx.sessions.url, ctx.sessions, ctx.loadTimeoutMs);
      await meter.waitIdle(0, { quietMs: 1_000, timeoutMs: ctx.loadTimeoutMs });
      const off = await autoRefreshOff(page);
      if (off !== 'off') s.note(`Auto-refresh could not be turned off (${off}).`);
      const button = refreshButton(page);
      if ((await button.count()) === 0) throw new Error('no "Refresh" button');

      const readings: (HeapReading & { cycle: number })[] = [];
      const snapshots = ctx.heapSnapshots;
      const snapshotDir = join(ROOT, 'bench/out');
      if (snapshots) mkdirSync(snapshotDir, { recursive: true });
      const snapshotFiles: { cycle: number; file: string; summary: HeapSummary }[] = [];
      const objectSeries: { x: number; y: number }[] = [];
      const walls: number[] = [];
      let failed = 0;
      const started = Date.now();
      const budgetMs = ctx.scale.profile === 'full' ? 18 * 60_000 : 5 * 60_000;
      let done = 0;
      for (let cycle = 1; cycle <= total; cycle++) {
        const r = await refreshCycle(bp, meter, button);
        done = cycle;
        walls.push(r.wallMs);
        if (!r.ok) failed++;
        if (cycle % 50 === 0) meter.forget(meter.mark());
        const overBudget = Date.now() - started > budgetMs;
        if (checkpoints.includes(cycle) || overBudget) {
          await forgetLongTasks(page);
          const reading = { cycle, ...(await heapAfterGc(cdp)) };
          readings.push(reading);
          // A heap snapshot at the baseline and at the end: what grew in between is what the
          // refreshes kept.
          // A snapshot at every checkpoint gives the console's own objects as a series (its
          // slope leaves out the code V8 compiles as it warms up); the files in between go.
          if (snapshots) {
            const keep = readings.length === 1 || cycle === total || overBudget;
            const file = join(snapshotDir, `endurance-${keep ? cycle : 'checkpoint'}.heapsnapshot`);
            await takeHeapSnapshot(cdp, file);
            const summary = await summarize(file);
            objectSeries.push({ x: cycle, y: consoleBytes(summary.groups) / 1000 });
            if (keep) snapshotFiles.push({ cycle, file, summary });
            else rmSync(file, { force: true });
          }
          console.log(
            `[bench]   endurance ${cycle}/${total}: heap ${MiB(reading.usedBytes)} MiB, ${reading.nodes} nodes, ` +
              `${Math.round((Date.now() - started) / 1000)} s`,
          );
        }
        if (overBudget) {
          s.note(
            `**Stopped after ${cycle} of ${total} cycles**: the ${budgetMs / 60_000}-minute time budget of this section ran out; "end" figures are at cycle ${cycle}.`,
          );
          break;
        }
      }
      const first = readings.find((r) => r.cycle === 10) ?? readings.at(0);
      const last = readings.at(-1);
      if (!first || !last) throw new Error('no heap reading was taken');
      const series = readings.map((r) => ({
        cycle: r.cycle,
        heapMiB: MiB(r.usedBytes),
        nodes: r.nodes,
        listeners: r.listeners,
      }));
      s.set('heap.10', MiB(first.usedBytes), { series });
      s.set('heap.end', MiB(last.usedBytes));
      s.set('heap.growth', round(MiB(last.usedBytes) - MiB(first.usedBytes), 2));
      const heapSeries = readings.map((r) => ({ x: r.cycle, y: r.usedBytes / 1000 }));
      s.set('heap.perCycle', slopeFrom(heapSeries, 10));
      s.set('heap.perCycle.secondHalf', slopeFrom(heapSeries, Math.floor(done / 2)), {
        fromCycle: Math.floor(done / 2),
      });
      s.set('nodes.10', first.nodes);
      s.set('nodes.end', last.nodes);
      s.set('listeners.10', first.listeners);
      s.set('listeners.end', last.listeners);
      s.set('cycle.p50', round(percentile(walls, 50), 0));
      s.set('cycle.p95', round(percentile(walls, 95), 0));
      s.set('cycles.failed', failed, { cyclesRun: done });
      const [a, b] = snapshotFiles;
      if (a && b) {
        const cycles = b.cycle - a.cycle;
        const [before, after] = [a.summary, b.summary];
        const all = growth(before.groups, after.groups, 40);
        s.set('objects.slope', slopeFrom(objectSeries, warmUp), {
          fromCycle: warmUp,
          series: objectSeries,
        });
        s.set('objects.slope.from10', slopeFrom(objectSeries, first.cycle), {
          fromCycle: first.cycle,
        });
        const grew = all.filter((g) => isConsole(g.key)).slice(0, 10);
        const perCycle = (bytes: number) => round(bytes / cycles / 1000, 2);
        const net = (include: (key: string) => boolean) =>
          netBytes(before.groups, after.groups, include);
        s.set('objects.perCycle', perCycle(net(isConsole)), {
          fromCycle: a.cycle,
          toCycle: b.cycle,
        });
        s.set('code.perCycle', perCycle(net(isCode)));
        s.set('devtools.perCycle', perCycle(net(isDevtools)));
        s.set('blink.perCycle', perCycle(net(isBlink)));
        if (before.detachedDomNodes === undefined || after.detachedDomNodes === undefined) {
          const why = 'the heap snapshots do not record which DOM nodes are detached';
          s.skip('detached.10', why);
          s.skip('detached.end', why);
        } else {
          s.set('detached.10', before.detachedDomNodes);
          s.set('detached.end', after.detachedDomNodes);
        }
        s.detail('heap.perCycle', {
          grewBetweenSnapshots: grew.map((g) => ({
            what: g.key,
            count: g.countDelta,
            bytes: g.bytesDelta,
          })),
        });
        s.note(
          `Heap snapshots at cycles ${a.cycle} and ${b.cycle} (\`bench/out/endurance-*.heapsnapshot\`, DevTools → Memory → Comparison); ` +
            `what grew most, bytes per cycle (objects per cycle): ` +
            (grew.length
              ? grew
                  .slice(0, 6)
                  .map(
                    (g) =>
                      `${g.key} ${round(g.bytesDelta / cycles, 0)} B (${round(g.countDelta / cycles, 2)})`,
                  )
                  .join(', ')
              : 'nothing') +
            '.',
        );
      } else {
        const why = snapshots
          ? 'fewer than two heap snapshots were taken'
          : 'run with --no-heap-snapshots';
        for (const id of [
          'objects.slope',
          'objects.slope.from10',
          'objects.perCycle',
          'code.perCycle',
          'devtools.perCycle',
          'blink.perCycle',
          'detached.10',
          'detached.end',
        ])
          s.skip(id, why);
      }
      s.note(
        `Checkpoints (cycle: heap MiB / DOM nodes): ${series.map((p) => `${p.cycle}: ${p.heapMiB} / ${p.nodes}`).join(' · ')}. ` +
          `${total} cycles took ${Math.round((Date.now() - started) / 1000)} s.`,
      );
    } finally {
      await bp.close();
    }
  },
};
