/**
 * Chromium under Playwright, with a Chrome DevTools Protocol session per page: the bench's eyes.
 * Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium); Playwright's own download is not used.
 */
import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
  chromium,
} from '@playwright/test';

import { firstLine } from '../error-text';
import { chromiumPath } from '../machine';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A hidden or occluded tab must not be throttled: the bench drives it for minutes.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // performance.memory with precise numbers (heap readings also come from CDP).
  '--enable-precise-memory-info',
];

export const VIEWPORT = { width: 1920, height: 1080 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * Collects main-thread long tasks (> 50 ms) from the very first script of every document.
 * Also defines `__name`: tsx (esbuild keepNames) wraps the bench's functions with it, and
 * Playwright sends those functions' source into the page, where it would be undefined.
 */
const LONG_TASK_PROBE = `(() => {
  if (!('__name' in globalThis)) globalThis.__name = (target) => target;
  const probe = { longTasks: [] };
  Object.defineProperty(window, '__bench', { value: probe, configurable: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { probe.error = String(e); }
})();`;

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Uncaught page errors and console errors, first lines (why a view may never show). */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context (empty cache and storage: a cold start) with one page and its CDP session. */
export async function openPage(browser: Browser, baseURL: string): Promise<BenchPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORT,
    locale: 'en-US',
    timezoneId: 'UTC',
    serviceWorkers: 'block',
  });
  await context.addInitScript(LONG_TASK_PROBE);
  const page = await context.newPage();
  // Actions on a busy 2-core machine at scale: generous, but bounded.
  page.setDefaultTimeout(60_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const errors: string[] = [];
  const keep = (text: string) => {
    if (errors.length < 20) errors.push(firstLine(text).slice(0, 200));
  };
  page.on('pageerror', (error) => keep(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') keep(`console error: ${message.text()}`);
  });
  return { context, page, cdp, errors, close: () => context.close() };
}

export interface LongTask {
  start: number;
  duration: number;
}

/** Long tasks recorded by the page so far, from index `from` on. */
export async function longTasks(page: Page, from = 0): Promise<LongTask[]> {
  const raw = await page.evaluate(
    (i) =>
      (
        (window as unknown as { __bench?: { longTasks: [number, number][] } }).__bench?.longTasks ??
        []
      ).slice(i),
    from,
  );
  return raw.map(([start, duration]) => ({ start, duration }));
}

export async function longTaskCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as { __bench?: { longTasks: unknown[] } }).__bench?.longTasks.length ?? 0,
  );
}

export interface HeapReading {
  /** JS heap in use after a forced major GC, bytes. */
  usedBytes: number;
  totalBytes: number;
  /** DOM nodes alive (Performance.getMetrics "Nodes"), after the same GC. */
  nodes: number;
  listeners: number;
  documents: number;
}

/** Forces a full GC (twice: weak references need a second pass), then reads heap and DOM size. */
export async function heapAfterGc(cdp: CDPSession): Promise<HeapReading> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    usedBytes: heap.usedSize,
    totalBytes: heap.totalSize,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    documents: metric('Documents'),
  };
}
