/**
 * Section 7 — Scrolling: the sessions grid with 1,000 rows per page and every column, scrolled
 * from the first row to the last with the mouse wheel as an operator would, counting main-thread
 * tasks over 50 ms on the way (each is a stutter); and the DOM size of that page. A grid that
 * renders only the rows in view (virtual scrolling) keeps both small whatever the page size.
 *
 * The page size comes from the URL (`size=1000`); a grid that does not offer it falls back to its
 * default and says so, and the section then reports "not measured" with what the grid showed.
 */
import { type CDPSession, type Page } from '@playwright/test';

import { type Scale, type SectionBuilder } from '../report';
import { round } from '../stats';
import { heapAfterGc, longTaskCount, longTasks, openPage } from './chromium';
import { settle, twoFrames } from './cycle';
import { showGrid } from './grid';
import { NetworkMeter } from './network';
import { type BrowserSection } from './views';

export const SCROLL_PAGE_SIZE = 1_000;
/** Wheel step and the most steps taken (a 1,000-row page at 25 rows per 1,000 px is 40,000 px). */
const WHEEL_PX = 400;
const MAX_STEPS = 600;

interface PageRows {
  /** Data rows the table says it has (aria-rowcount minus the header row), if it says. */
  declared: number | null;
  /** Data rows in the DOM. */
  rendered: number;
  /** The page size the URL kept after loading. */
  urlSize: number | null;
}

/** Runs in the page: keep it self-contained. */
function readRows(table: string): PageRows {
  const t = [...document.querySelectorAll('table,[role=table],[role=grid]')].find(
    (el) => el.getAttribute('aria-label') === table,
  );
  const count = t?.getAttribute('aria-rowcount');
  const rendered = t
    ? [...t.querySelectorAll('tr,[role=row]')].filter((r) =>
        r.querySelector('td,[role=cell],[role=gridcell]'),
      ).length
    : 0;
  const size = new URL(location.href).searchParams.get('size');
  return {
    declared: count && Number(count) > 0 ? Number(count) - 1 : null,
    rendered,
    urlSize: size ? Number(size) : null,
  };
}

/**
 * Where the grid's rows scroll: the nearest scrolling ancestor of its rows (a virtual scroll
 * viewport), else the document. Returns its scroll position and the last rendered row's
 * aria-rowindex (its place in the page, header row = 1), if the grid numbers its rows.
 */
function scrollPosition(table: string): { top: number; max: number; lastIndex: number | null } {
  const t = [...document.querySelectorAll('table,[role=table],[role=grid]')].find(
    (el) => el.getAttribute('aria-label') === table,
  );
  const rows = t
    ? [...t.querySelectorAll('tr,[role=row]')].filter((r) =>
        r.querySelector('td,[role=cell],[role=gridcell]'),
      )
    : [];
  let scroller: Element = document.scrollingElement ?? document.documentElement;
  for (let el = rows[0]?.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight + 1) {
      scroller = el;
      break;
    }
  }
  const index = rows.at(-1)?.getAttribute('aria-rowindex');
  return {
    top: scroller.scrollTop,
    max: scroller.scrollHeight - scroller.clientHeight,
    lastIndex: index ? Number(index) : null,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Records the renderer's main-thread tasks while `during` runs (CDP tracing) and returns each
 * task's CPU time in ms. On a shared machine a task's wall time includes waiting for a core;
 * its CPU time is the work the page itself did.
 */
async function mainThreadTaskCpu(cdp: CDPSession, during: () => Promise<void>): Promise<number[]> {
  const events: TraceEvent[] = [];
  // Trace events are loosely typed objects in the protocol: read the fields used here.
  const collect = (e: { value: object[] }) => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    // The categories DevTools' Performance panel records: main-thread tasks and thread names.
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  try {
    await during();
  } finally {
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
  }
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => (e.tdur ?? e.dur ?? 0) / 1000);
}

/** Wheel steps until the scroll position reaches its end (and stops moving). */
async function scrollToEnd(
  page: Page,
  table: string,
): Promise<{ steps: number; end: boolean; lastIndex: number | null }> {
  const box = await page
    .getByRole('table', { name: table })
    .or(page.getByRole('grid', { name: table }))
    .first()
    .boundingBox();
  await page.mouse.move(
    (box?.x ?? 0) + Math.min(400, (box?.width ?? 800) / 2),
    Math.max(200, Math.min(800, (box?.y ?? 0) + 200)),
  );
  let still = 0;
  let previous = -1;
  for (let step = 1; step <= MAX_STEPS; step++) {
    await page.mouse.wheel(0, WHEEL_PX);
    await twoFrames(page);
    const at = await page.evaluate(scrollPosition, table);
    // At the end, or stuck (nothing scrolls under the pointer) for three steps in a row.
    still = at.top === previous ? still + 1 : 0;
    previous = at.top;
    if (at.top >= at.max - 1 || still >= 3) {
      // The last rows render a frame or two after the final scroll event.
      await twoFrames(page);
      const final = await page.evaluate(scrollPosition, table);
      return { steps: step, end: at.top >= at.max - 1, lastIndex: final.lastIndex };
    }
  }
  return { steps: MAX_STEPS, end: false, lastIndex: null };
}

export const scrollSection: BrowserSection = {
  plan(s: SectionBuilder, _scale: Scale) {
    const n = SCROLL_PAGE_SIZE.toLocaleString('en-US');
    s.plan(
      'rows',
      `Rows on the ${n}-row page`,
      'rows',
      "Rows the page holds: the last row's aria-rowindex once scrolled to the end (a grid that renders only what is in view), else rows in the DOM.",
    );
    s.plan(
      'rendered',
      'Rows in the DOM',
      'rows',
      'Data rows actually rendered: with virtual scrolling, the rows in view plus a buffer.',
    );
    s.plan(
      'domNodes',
      `DOM nodes of the ${n}-row page`,
      'nodes',
      'Live DOM nodes (CDP Performance.getMetrics, after a GC) with every column shown.',
    );
    s.plan(
      'longTasks',
      'Long tasks while scrolling to the last row',
      'tasks',
      'Main-thread tasks > 50 ms from the first wheel step to the last row on screen: each is a stutter.',
      'target 0 (issue 13)',
    );
    s.plan(
      'longest',
      'Longest task while scrolling',
      'ms',
      'Worst main-thread block during the scroll (0 = none over 50 ms).',
    );
    s.plan(
      'cpuLongTasks',
      'Tasks with over 50 ms of CPU while scrolling',
      'tasks',
      "The same scroll's main-thread tasks (CDP trace) whose own CPU time exceeds 50 ms: what the page costs, without the time a busy machine made it wait for a core.",
    );
    s.plan(
      'cpuPerStep',
      'Main-thread CPU per wheel step',
      'ms',
      "All the renderer main thread's task CPU time during the scroll, divided by the wheel steps: the cost of bringing ~8 rows into view.",
    );
    s.plan(
      'steps',
      'Wheel steps to the last row',
      'steps',
      `Mouse-wheel steps of ${WHEEL_PX} px, two frames apart, until the scroll reaches its end.`,
    );
  },
  async run(s, ctx) {
    this.plan(s, ctx.scale);
    const url = ctx.sessions.url.replace(/([?&])size=\d+/, `$1size=${SCROLL_PAGE_SIZE}`);
    const bp = await openPage(ctx.browser, ctx.server.url);
    try {
      const { page } = bp;
      const meter = await NetworkMeter.attach(bp.cdp);
      await showGrid(bp, url, { ...ctx.sessions, rows: 1 }, ctx.loadTimeoutMs);
      await settle(page, meter, 0, { quietMs: 1_000, timeoutMs: ctx.loadTimeoutMs });
      const rows = await page.evaluate(readRows, ctx.sessions.table);
      // aria-rowcount may count every matching row (not only this page's): the page holds at
      // most the page size.
      const holds = Math.min(rows.declared ?? rows.rendered, rows.urlSize ?? Infinity);
      s.set('rendered', rows.rendered);
      const wanted = Math.min(SCROLL_PAGE_SIZE, ctx.scale.sessions);
      if (rows.urlSize !== SCROLL_PAGE_SIZE || holds < wanted) {
        s.set('rows', holds, { ...rows, url });
        const reason =
          `the grid did not keep a ${SCROLL_PAGE_SIZE}-row page ` +
          `(URL size=${rows.urlSize ?? 'none'}, ${holds} rows): page sizes of 500 and 1,000 come with virtual scrolling (issue 13)`;
        for (const id of [
          'domNodes',
          'longTasks',
          'longest',
          'cpuLongTasks',
          'cpuPerStep',
          'steps',
        ])
          s.skip(id, reason);
        return;
      }
      s.set('domNodes', (await heapAfterGc(bp.cdp)).nodes);
      const before = await longTaskCount(page);
      const t0 = await page.evaluate(() => performance.now());
      let scrolled: Awaited<ReturnType<typeof scrollToEnd>> = {
        steps: 0,
        end: false,
        lastIndex: null,
      };
      const cpu = await mainThreadTaskCpu(bp.cdp, async () => {
        scrolled = await scrollToEnd(page, ctx.sessions.table);
      });
      const { steps, end, lastIndex } = scrolled;
      // The last row's aria-rowindex (header = 1) says how many rows the page really held.
      s.set('rows', lastIndex ? lastIndex - 1 : holds, { ...rows, url, lastRowIndex: lastIndex });
      const seen = (await longTasks(page, before)).filter((t) => t.start >= t0);
      s.set('longTasks', seen.length, { durations: seen.map((t) => round(t.duration, 0)) });
      s.set('longest', round(Math.max(0, ...seen.map((t) => t.duration)), 0));
      const cpuOver = cpu.filter((ms) => ms > 50);
      s.set('cpuLongTasks', cpuOver.length, { cpuMs: cpuOver.map((ms) => round(ms, 0)) });
      s.set('cpuPerStep', round(cpu.reduce((sum, ms) => sum + ms, 0) / Math.max(1, steps), 1), {
        tasks: cpu.length,
        longestCpuMs: round(Math.max(0, ...cpu), 0),
      });
      s.set('steps', steps, { reachedLastRow: end });
      if (!end) s.note(`The scroll did not reach its end after ${steps} wheel steps.`);
      s.note(
        `${SCROLL_PAGE_SIZE.toLocaleString('en-US')}-row page: \`${url}\`; wheel over the grid, ${WHEEL_PX} px per step, two animation frames between steps; count requests for rows scrolled past are part of the scroll. The scroll runs under a CDP trace (devtools.timeline) for the CPU figures.`,
      );
    } finally {
      await bp.close();
    }
  },
};
