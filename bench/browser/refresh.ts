/**
 * Section 3 — Refresh cost: on the 100-row sessions page with every column (Tasks by Statuses
 * included), in a steady state, what one refresh costs: gRPC calls, bytes on the wire, time to
 * settle, and main-thread long tasks (> 50 ms) while it happens.
 */
import { firstLine } from '../error-text';
import { type Scale, type SectionBuilder } from '../report';
import { max, median, percentile, round, sleep } from '../stats';
import { VIEWPORT, openPage } from './chromium';
import {
  autoRefreshOff,
  choiceOptions,
  choose,
  dismissChoice,
  refreshButton,
  refreshCycle,
} from './cycle';
import { showGrid } from './grid';
import { NetworkMeter, grpcTraffic } from './network';
import { type BrowserSection } from './views';

export const refreshSection: BrowserSection = {
  plan(s: SectionBuilder, scale: Scale) {
    const n = `median of ${scale.refreshSamples} refreshes`;
    s.plan(
      'calls',
      'gRPC calls per refresh',
      'calls',
      `Calls one refresh of the page makes (${n}); per-row counts of settled sessions are not re-read.`,
    );
    s.plan(
      'received',
      'Bytes received per refresh',
      'kB',
      'gRPC responses on the wire (headers included) per refresh.',
    );
    s.plan('sent', 'Bytes sent per refresh', 'kB', 'gRPC request bodies per refresh.');
    s.plan('wall.p50', 'Refresh time p50', 'ms', 'Click "Refresh" → every answer in and painted.');
    s.plan('wall.p95', 'Refresh time p95', 'ms', 'The slow refreshes.');
    s.plan(
      'longTasks.perRefresh',
      'Long tasks per refresh',
      'tasks',
      'Main-thread tasks > 50 ms during a refresh (mean): each one is a frozen UI moment.',
      'target 0 (issue 12)',
    );
    s.plan(
      'longTasks.max',
      'Longest task during a refresh',
      'ms',
      'Worst main-thread block seen over all sampled refreshes (0 = none over 50 ms).',
    );
    s.plan(
      'auto.calls',
      'gRPC calls per auto-refresh tick',
      'calls',
      'The same page left on auto-refresh at its shortest interval (median tick).',
    );
    s.plan('auto.received', 'Bytes received per auto-refresh tick', 'kB', 'On the wire per tick.');
  },
  async run(s, ctx) {
    this.plan(s, ctx.scale);
    const bp = await openPage(ctx.browser, ctx.server.url);
    try {
      const { page } = bp;
      const meter = await NetworkMeter.attach(bp.cdp);
      await showGrid(bp, ctx.sessions.url, ctx.sessions, ctx.loadTimeoutMs);
      await meter.waitIdle(0, { quietMs: 1_000, timeoutMs: ctx.loadTimeoutMs });

      // Auto-refresh first (it is what an operator leaves on), then manual refreshes with it off.
      await measureAutoRefresh(s, ctx, bp.page, meter).catch((error: unknown) => {
        const reason = error instanceof Error ? firstLine(error.message) : String(error);
        s.skip('auto.calls', reason);
        s.skip('auto.received', reason);
      });
      const off = await autoRefreshOff(page);
      if (off !== 'off')
        s.note(`Auto-refresh could not be turned off (${off}); ticks may overlap samples.`);

      const button = refreshButton(page);
      if ((await button.count()) === 0) throw new Error('no "Refresh" button');
      for (let i = 0; i < 3; i++) await refreshCycle(bp, meter, button); // warm-up: steady state
      const samples = [];
      for (let i = 0; i < ctx.scale.refreshSamples; i++) {
        samples.push(
          await refreshCycle(bp, meter, button, { collectLongTasks: true, quietMs: 200 }),
        );
      }
      const ok = samples.filter((c) => c.ok);
      if (ok.length === 0) throw new Error('no refresh settled within 30 s');
      const calls = ok.map((c) => c.traffic.calls);
      const byMethod: Record<string, number> = {};
      for (const c of ok)
        for (const [m, n] of Object.entries(c.traffic.byMethod))
          byMethod[m] = (byMethod[m] ?? 0) + n / ok.length;
      s.set('calls', median(calls), {
        samples: calls,
        meanByMethod: Object.fromEntries(
          Object.entries(byMethod).map(([k, v]) => [k, round(v, 1)]),
        ),
      });
      s.note(
        `Calls per refresh, mean by method: ${Object.entries(byMethod)
          .sort((a, b) => b[1] - a[1])
          .map(([m, v]) => `${m} ${round(v, 1)}`)
          .join(
            ', ',
          )}. Per-row counts are read for the rows in the viewport (${VIEWPORT.width}×${VIEWPORT.height}) only.`,
      );
      s.set('received', round(median(ok.map((c) => c.traffic.receivedBytes)) / 1000, 1));
      s.set('sent', round(median(ok.map((c) => c.traffic.sentBytes)) / 1000, 1));
      const walls = ok.map((c) => c.wallMs);
      s.set('wall.p50', round(percentile(walls, 50), 0), {
        samples: walls.map((w) => round(w, 0)),
      });
      s.set('wall.p95', round(percentile(walls, 95), 0));
      const lts = ok.map((c) => c.longTasks);
      s.set('longTasks.perRefresh', round(lts.reduce((a, l) => a + l.length, 0) / ok.length, 2), {
        perSample: lts.map((l) => l.length),
      });
      const all = lts.flat().map((t) => t.duration);
      s.set('longTasks.max', all.length ? round(max(all), 0) : 0, {
        durations: all.map((d) => round(d, 0)),
      });
      if (samples.length !== ok.length)
        s.note(
          `${samples.length - ok.length} refresh(es) did not settle within 30 s and were left out.`,
        );
      s.note(
        'Steady state: the page was loaded, left idle until the network was quiet for 1 s, and refreshed 3 times before sampling.',
      );
    } finally {
      await bp.close();
    }
  },
};

const INTERVAL = /(\d+(?:\.\d+)?)\s*(ms|s|sec|second|seconds|min|minute|minutes|m)\b/i;

function intervalMs(text: string): number | undefined {
  const m = INTERVAL.exec(text);
  if (!m) return undefined;
  const v = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  return unit === 'ms' ? v : unit.startsWith('m') ? v * 60_000 : v * 1_000;
}

async function measureAutoRefresh(
  s: SectionBuilder,
  ctx: Parameters<BrowserSection['run']>[1],
  page: import('@playwright/test').Page,
  meter: NetworkMeter,
): Promise<void> {
  const select = page.getByRole('combobox', { name: /auto-refresh interval/i }).first();
  if ((await select.count()) === 0) throw new Error('no "Auto-refresh interval" select');
  const texts = await choiceOptions(page, select);
  const choices = texts.flatMap((t, i) => {
    const ms = intervalMs(t);
    return ms === undefined ? [] : [{ i, t: t.trim(), ms }];
  });
  const shortest = choices.sort((a, b) => a.ms - b.ms).at(0);
  if (!shortest) {
    await dismissChoice(page, select);
    throw new Error(`no interval among the options (${texts.join(', ')})`);
  }
  await choose(page, select, shortest.i);
  const ticks = Math.min(6, Math.max(3, ctx.scale.refreshSamples / 2));
  const marker = meter.mark();
  await sleep(shortest.ms * (ticks + 0.5));
  await meter.waitIdle(marker, { quietMs: 200, timeoutMs: 30_000, minRequests: 0 });
  // Group the calls into ticks: a gap of half an interval separates two ticks.
  const grpc = meter
    .since(marker)
    .filter((r) => r.grpc && !r.stream && !/HealthChecks|Versions/.test(r.url));
  const bursts: (typeof grpc)[] = [];
  for (const r of grpc) {
    const last = bursts.at(-1);
    const lastStart = last?.at(-1)?.start ?? -Infinity;
    if (last && (r.start - lastStart) * 1000 < shortest.ms / 2) last.push(r);
    else bursts.push([r]);
  }
  if (bursts.length < 2)
    throw new Error(
      `only ${bursts.length} auto-refresh tick(s) seen in ${ticks} intervals of ${shortest.t}`,
    );
  const traffic = bursts.map(grpcTraffic);
  s.set('auto.calls', median(traffic.map((t) => t.calls)), {
    interval: shortest.t,
    ticks: traffic.map((t) => t.calls),
  });
  s.set('auto.received', round(median(traffic.map((t) => t.receivedBytes)) / 1000, 1));
}
