/**
 * Section 8 — Overview refresh cost: `/overview` on the bench's cluster, once the console is idle,
 * what one click on its "Refresh" costs (gRPC calls by method, bytes), held against the page's
 * stated bound 8 + P + L + 2K (README: P partitions shown, L lines, K sessions checked for
 * attention per refresh).
 */
import { type Page } from '@playwright/test';

import { type Scale, type SectionBuilder } from '../report';
import { max, median, round } from '../stats';
import { openPage } from './chromium';
import { refreshButton, refreshCycle, twoFrames } from './cycle';
import { NetworkMeter } from './network';
import { type BrowserSection } from './views';

/** Sessions whose counts one refresh reads for "Needs attention" (src/app/overview/model/scan.ts). */
export const ATTENTION_K = 12;

/** Refreshes sampled: the page reads a whole dashboard per refresh, so a few suffice. */
const SAMPLES = (scale: Scale) => Math.min(5, scale.refreshSamples);

/** The console's idle signal: no unary call in flight once two frames have rendered. */
async function consoleIdle(page: Page, timeoutMs: number): Promise<void> {
  await twoFrames(page);
  await page.waitForFunction(
    () => document.documentElement.getAttribute('data-calls-in-flight') === '0',
    undefined,
    { timeout: timeoutMs },
  );
}

/** P: the partitions the page shows (one row header each); L: the lines defined (one region each). */
async function pageShape(page: Page): Promise<{ partitions: number; lines: number }> {
  const partitions = await page
    .getByRole('table', { name: /tasks by status group for each partition/i })
    .getByRole('rowheader')
    .count();
  const lines = await page
    .getByRole('region', { name: /^\s*lines\s*$/i })
    .getByRole('region')
    .count();
  return { partitions, lines };
}

export const overviewSection: BrowserSection = {
  plan(s: SectionBuilder, scale: Scale) {
    const n = `median of ${SAMPLES(scale)} refreshes`;
    s.plan(
      'calls',
      'gRPC calls per overview refresh',
      'calls',
      `Calls one click on the overview's "Refresh" makes (${n}), the console idle before each.`,
      'bound 8 + P + L + 2K',
    );
    s.plan('calls.max', 'Most calls in one refresh', 'calls', 'The largest sampled refresh.');
    s.plan(
      'bound',
      'Stated bound per refresh',
      'calls',
      `8 + P + L + 2K with the page's P and L and K = ${ATTENTION_K} (README, Overview).`,
    );
    s.plan('partitions', 'Partitions shown (P)', 'rows', 'Rows of the partitions table.');
    s.plan('lines', 'Lines defined (L)', 'lines', 'User-defined lines on the page (0 by default).');
    s.plan(
      'received',
      'Bytes received per overview refresh',
      'kB',
      'gRPC responses on the wire (headers included), median.',
    );
    s.plan('sent', 'Bytes sent per overview refresh', 'kB', 'gRPC request bodies, median.');
  },
  async run(s, ctx) {
    this.plan(s, ctx.scale);
    const bp = await openPage(ctx.browser, ctx.server.url);
    try {
      const { page } = bp;
      const meter = await NetworkMeter.attach(bp.cdp);
      await page.goto('/overview');
      const button = refreshButton(page);
      await button.waitFor({ state: 'visible', timeout: ctx.loadTimeoutMs });
      await meter.waitIdle(0, { quietMs: 1_000, timeoutMs: ctx.loadTimeoutMs });
      await consoleIdle(page, ctx.loadTimeoutMs);
      const shape = await pageShape(page);
      const bound = 8 + shape.partitions + shape.lines + 2 * ATTENTION_K;
      s.set('partitions', shape.partitions);
      s.set('lines', shape.lines);
      s.set('bound', bound);

      // One warm-up refresh, then samples. A manual refresh restarts the page's 10 s timer (it
      // counts from the last settled refresh), so an automatic one does not land in a sample.
      await refreshCycle(bp, meter, button, { quietMs: 200 });
      await consoleIdle(page, 30_000);
      const samples = [];
      for (let i = 0; i < SAMPLES(ctx.scale); i++) {
        const cycle = await refreshCycle(bp, meter, button, { quietMs: 200 });
        await consoleIdle(page, 30_000);
        samples.push(cycle);
      }
      const ok = samples.filter((c) => c.ok);
      if (ok.length === 0) throw new Error('no overview refresh settled within 30 s');
      const calls = ok.map((c) => c.traffic.calls);
      const byMethod: Record<string, number> = {};
      for (const c of ok)
        for (const [m, v] of Object.entries(c.traffic.byMethod))
          byMethod[m] = (byMethod[m] ?? 0) + v / ok.length;
      const methods = Object.entries(byMethod).sort((a, b) => b[1] - a[1]);
      s.set('calls', median(calls), {
        samples: calls,
        meanByMethod: Object.fromEntries(methods.map(([k, v]) => [k, round(v, 1)])),
      });
      s.set('calls.max', max(calls));
      s.set('received', round(median(ok.map((c) => c.traffic.receivedBytes)) / 1000, 1));
      s.set('sent', round(median(ok.map((c) => c.traffic.sentBytes)) / 1000, 1));
      s.note(
        `Calls per overview refresh, mean by method: ${methods
          .map(([m, v]) => `${m} ${round(v, 1)}`)
          .join(', ')}; samples ${calls.join(', ')} against the bound ${bound}` +
          ` (8 + P ${shape.partitions} + L ${shape.lines} + 2·${ATTENTION_K}).`,
      );
      if (max(calls) > bound)
        s.note(`**Over the bound**: a refresh made ${max(calls)} calls (bound ${bound}).`);
      if (samples.length !== ok.length)
        s.note(`${samples.length - ok.length} refresh(es) did not settle within 30 s, left out.`);
    } finally {
      await bp.close();
    }
  },
};
