/**
 * The views the bench measures, and how it gets their URLs: the sessions grid with 100 rows per
 * page and every column shown, and the tasks grid of the largest session. The grid's URL carries
 * the view (page size, columns, filters), so a view is set up once through the UI the way an
 * operator would, its URL is read from the address bar, and every measured load is a cold
 * navigation to that URL.
 */
import { type Browser, type Locator, type Page } from '@playwright/test';

import { type Scale } from '../report';
import { type LargestSession } from '../server-latency';
import { type RunningServer } from '../server-process';
import { type BenchPage, openPage } from './chromium';
import { choiceOptions, choose, dismissChoice } from './cycle';
import { gridState, showGrid, waitForGrid, waitGridIdle } from './grid';

export const PAGE_SIZE = 100;

export interface View {
  /** Path and query, e.g. `/sessions?size=100&cols=…`. */
  url: string;
  /** The table's accessible name. */
  table: string;
  /** Header texts expected (every column). */
  headers: string[];
  rows: number;
}

export interface BrowserContextForBench {
  browser: Browser;
  server: RunningServer;
  scale: Scale;
  largest: LargestSession | undefined;
  sessions: View;
  /** Undefined with the reason when the tasks view could not be set up. */
  tasks: View | undefined;
  tasksError?: string;
  /** How long a first view may take before it counts as failed. */
  loadTimeoutMs: number;
  /** Endurance: take heap snapshots at the baseline and at the end, and report what grew. */
  heapSnapshots: boolean;
}

export interface BrowserSection {
  plan(s: import('../report').SectionBuilder, scale: Scale): void;
  run(s: import('../report').SectionBuilder, ctx: BrowserContextForBench): Promise<void>;
}

const byName = (name: string) => new RegExp(`^\\s*${name}\\s*$`, 'i');

async function firstVisible(...candidates: Locator[]): Promise<Locator | undefined> {
  for (const c of candidates) {
    const n = await c.count();
    for (let i = 0; i < n; i++) if (await c.nth(i).isVisible()) return c.nth(i);
  }
  return undefined;
}

/** Chooses `size` rows per page in the paginator's "Rows per page" choice. */
export async function setPageSize(page: Page, size: number): Promise<boolean> {
  const select = await firstVisible(
    page.getByRole('combobox', { name: /per page|page size|rows/i }),
    page.getByLabel(/items per page|page size|rows per page/i),
  );
  if (!select) return false;
  const options = await choiceOptions(page, select);
  const at = options.findIndex((t) => byName(String(size)).test(t));
  if (at < 0) {
    await dismissChoice(page, select);
    return false;
  }
  await choose(page, select, at);
  return true;
}

/** Opens "Columns", ticks every column and applies; returns the names of all columns. */
export async function showAllColumns(page: Page): Promise<string[] | undefined> {
  const button = await firstVisible(page.getByRole('button', { name: byName('Columns') }));
  if (!button) return undefined;
  await button.click();
  const dialog = page.getByRole('dialog').last();
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const boxes = dialog.getByRole('checkbox');
  const names: string[] = [];
  const n = await boxes.count();
  for (let i = 0; i < n; i++) {
    const box = boxes.nth(i);
    const label = await box.evaluate(
      (el) =>
        el.getAttribute('aria-label') ?? el.closest('mat-checkbox,label,li')?.textContent ?? '',
    );
    const name = label.replace(/\s+/g, ' ').trim();
    if (!name) continue;
    if (!(await box.isChecked())) await box.check();
    names.push(name);
  }
  const apply = await firstVisible(
    dialog.getByRole('button', { name: /^\s*(apply|done|ok)\s*$/i }),
  );
  if (apply) await apply.click();
  else await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  return names;
}

/**
 * A grid URL in the grid's own query language (src/app/grid/model/url-codec.ts):
 * `f` = one AND-group of `field:op:value` conditions joined by `;` (atoms escape `%:,;`),
 * `size` = rows per page. Columns are not given here: the bench ticks them all in the UI and
 * reads the URL back, so it never depends on the column keys.
 */
export function gridUrl(
  path: string,
  opts: { size?: number; conditions?: [string, string, string][] } = {},
): string {
  const escape = (atom: string) =>
    atom.replace(/[%:,;]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const params = new URLSearchParams();
  if (opts.conditions?.length) {
    params.set(
      'f',
      opts.conditions.map(([f, op, v]) => [f, op, v].map(escape).join(':')).join(';'),
    );
  }
  if (opts.size) params.set('size', String(opts.size));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

const debug = (line: string) => {
  if (process.env['BENCH_DEBUG']) console.log(`[bench:debug] ${line}`);
};

/** Runs one set-up step; its failure says which step it was. */
async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new Error(
      `${label}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
}

async function setUpView(
  bp: BenchPage,
  startPath: string,
  table: string,
  loadTimeoutMs: number,
): Promise<View> {
  const { page } = bp;
  await showGrid(bp, startPath, { table, rows: 1, headers: [] }, loadTimeoutMs);
  await waitGridIdle(page, table, loadTimeoutMs);
  let state = await gridState(page, table);
  debug(`${table}: loaded ${page.url()} → ${state.rows} rows, ${state.headers.length} headers`);
  // The URL asked for 100 rows per page; fall back to the paginator if it was not honoured
  // (a grid with fewer matching rows shows them all).
  if (state.rows < PAGE_SIZE) {
    // Still filling in, or really fewer rows: give it a moment before touching the paginator.
    await waitForGrid(page, { table, rows: PAGE_SIZE, headers: [] }, 10_000).catch(() => undefined);
    state = await gridState(page, table);
  }
  if (state.rows < PAGE_SIZE) {
    debug(`${table}: only ${state.rows} rows after 10 s, using the paginator`);
    const sized = await step(`choosing ${PAGE_SIZE} rows per page`, () =>
      setPageSize(page, PAGE_SIZE),
    );
    if (!sized) throw new Error(`could not choose ${PAGE_SIZE} rows per page in the ${table} grid`);
  }
  const columns = await step('ticking every column in "Columns"', () => showAllColumns(page));
  if (!columns) throw new Error(`no "Columns" button on the ${table} grid`);
  await waitForGrid(page, { table, rows: 1, headers: columns }, loadTimeoutMs);
  await waitGridIdle(page, table, loadTimeoutMs);
  state = await gridState(page, table);
  const url = page.url().replace(/^https?:\/\/[^/]+/, '');
  debug(`${table}: set up ${url} → ${state.rows} rows, ${state.headers.length} headers`);
  return { url, table, headers: columns, rows: Math.min(PAGE_SIZE, state.rows) };
}

/** Checks that a cold load of `view.url` reproduces the view (rows and columns). */
async function verifyCold(
  browser: Browser,
  base: string,
  view: View,
  timeoutMs: number,
): Promise<void> {
  const bp = await openPage(browser, base);
  try {
    await showGrid(bp, view.url, view, timeoutMs).catch((error: Error) => {
      throw new Error(`the URL does not reproduce the view: ${error.message}`);
    });
  } finally {
    await bp.close();
  }
}

export async function prepareViews(
  browser: Browser,
  server: RunningServer,
  scale: Scale,
  largest: LargestSession | undefined,
  opts: { tasksView: boolean; heapSnapshots?: boolean } = { tasksView: true },
): Promise<BrowserContextForBench> {
  const loadTimeoutMs = scale.profile === 'full' ? 120_000 : 60_000;
  const bp = await openPage(browser, server.url);
  let sessions: View;
  try {
    sessions = await setUpView(
      bp,
      gridUrl('/sessions', { size: PAGE_SIZE }),
      'Sessions',
      loadTimeoutMs,
    );
  } finally {
    await bp.close();
  }
  await verifyCold(browser, server.url, sessions, loadTimeoutMs);
  console.log(`[bench] sessions view: ${sessions.url} (${sessions.headers.length} columns)`);

  let tasks: View | undefined;
  let tasksError: string | undefined;
  if (!opts.tasksView) tasksError = 'not needed by the sections run';
  else if (!largest) tasksError = 'no largest session (the server search failed)';
  else {
    const tp = await openPage(browser, server.url);
    try {
      const start = gridUrl('/tasks', {
        size: PAGE_SIZE,
        conditions: [['sessionId', 'eq', largest.id]],
      });
      tasks = await setUpView(tp, start, 'Tasks', loadTimeoutMs);
      if (!decodeURIComponent(tasks.url).includes(largest.id)) {
        throw new Error(`the tasks grid dropped the session filter (${tasks.url})`);
      }
      await verifyCold(browser, server.url, tasks, loadTimeoutMs);
      console.log(`[bench] tasks view: ${tasks.url} (${tasks.headers.length} columns)`);
    } catch (error) {
      tasks = undefined;
      tasksError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    } finally {
      await tp.close();
    }
  }
  return {
    browser,
    server,
    scale,
    largest,
    sessions,
    tasks,
    tasksError,
    loadTimeoutMs,
    heapSnapshots: opts.heapSnapshots ?? true,
  };
}
