/**
 * What "the grid is showing" means, checked inside the page on every animation frame: the table
 * with the given accessible name has at least `rows` data rows with text, and every expected
 * column header is rendered with a non-zero width. Returns `performance.now()` at that frame
 * (ms since the navigation started), or a falsy value while not there yet.
 */
import { type Page } from '@playwright/test';

import { type BenchPage } from './chromium';

export interface GridProbe {
  table: string;
  rows: number;
  headers: readonly string[];
}

export interface GridState {
  found: boolean;
  /** aria-busy: a page is being loaded. */
  busy: boolean;
  rows: number;
  headers: string[];
}

/** Runs in the page: keep it self-contained. */
function readGrid(arg: { table: string }): GridState {
  const norm = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      return norm(
        by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    }
    return norm(el.querySelector('caption')?.textContent);
  };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const table = [
    ...document.querySelectorAll('table,[role=table],[role=grid],[role=treegrid]'),
  ].find((t) => nameOf(t) === arg.table);
  if (!table) return { found: false, busy: false, rows: 0, headers: [] };
  const rows = [...table.querySelectorAll('tr,[role=row]')].filter(
    (r) =>
      r.querySelector('td,[role=cell],[role=gridcell]') !== null &&
      visible(r) &&
      norm(r.textContent).length > 0,
  ).length;
  const headers = [...table.querySelectorAll('th,[role=columnheader]')]
    .filter(visible)
    .map((h) => norm(h.textContent));
  return { found: true, busy: table.getAttribute('aria-busy') === 'true', rows, headers };
}

/** Same check, as a predicate for `waitForFunction` (headers matched by inclusion, since sort icons add text). */
function gridReady(arg: GridProbe): number | false {
  const norm = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      return norm(
        by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    }
    return norm(el.querySelector('caption')?.textContent);
  };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const table = [
    ...document.querySelectorAll('table,[role=table],[role=grid],[role=treegrid]'),
  ].find((t) => nameOf(t) === arg.table);
  if (!table) return false;
  let rows = 0;
  let first: Element | undefined;
  let lastBottom = 0;
  for (const r of table.querySelectorAll('tr,[role=row]')) {
    if (r.querySelector('td,[role=cell],[role=gridcell]') && visible(r) && norm(r.textContent)) {
      rows++;
      first ??= r;
      lastBottom = Math.max(lastBottom, r.getBoundingClientRect().bottom);
    }
  }
  // A grid that renders only the rows in view (virtual scrolling) says how many it has with
  // aria-rowcount (header row included): it is showing the page once it holds them all and the
  // rows it renders fill what can be seen of their scroll container (or of the window).
  const declared = Number(table.getAttribute('aria-rowcount') ?? 0) - 1;
  let seenBottom = window.innerHeight;
  for (let el = first?.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight + 1) {
      seenBottom = Math.min(seenBottom, el.getBoundingClientRect().bottom);
      break;
    }
  }
  const fills = rows > 0 && lastBottom >= seenBottom - 1;
  if (rows < arg.rows && !(declared >= arg.rows && fills)) return false;
  const cells = [...table.querySelectorAll('th,[role=columnheader]')].filter(
    (h) => visible(h) && h.getAttribute('role') !== 'presentation',
  );
  const headers = cells.map((h) => norm(h.textContent));
  const missing = arg.headers.filter((want) => !headers.some((h) => h.includes(want)));
  if (missing.length === 0) return performance.now();
  // Likewise a grid that renders only the columns in view says how many it has with
  // aria-colcount: it is showing them once it declares them all and the headers it renders
  // cover what can be seen of their scroll container from side to side, with no gap.
  const declaredCols = Number(table.getAttribute('aria-colcount') ?? 0);
  if (declaredCols < arg.headers.length) return false;
  let seen = { left: 0, right: window.innerWidth };
  for (let el = cells[0]?.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowX;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      const box = el.getBoundingClientRect();
      // The inner box: a vertical scrollbar is no header's to cover.
      const left = box.left + el.clientLeft;
      seen = { left: Math.max(0, left), right: Math.min(window.innerWidth, left + el.clientWidth) };
      break;
    }
  }
  const spans = cells
    .map((h) => h.getBoundingClientRect())
    .map((r) => ({ left: Math.max(r.left, seen.left), right: Math.min(r.right, seen.right) }))
    .filter((r) => r.right > r.left)
    .sort((a, b) => a.left - b.left);
  let reach = seen.left;
  for (const span of spans) {
    if (span.left > reach + 1) return false;
    reach = Math.max(reach, span.right);
  }
  return reach >= seen.right - 1 ? performance.now() : false;
}

export function gridState(page: Page, table: string): Promise<GridState> {
  return page.evaluate(readGrid, { table });
}

/** Resolves with the page's `performance.now()` at the first frame where the grid is shown. */
export async function waitForGrid(
  page: Page,
  probe: GridProbe,
  timeoutMs: number,
): Promise<number> {
  const handle = await page.waitForFunction(gridReady, probe, {
    polling: 'raf',
    timeout: timeoutMs,
  });
  return (await handle.jsonValue()) as number;
}

/**
 * Navigates to `url` and waits for the grid; returns the page's `performance.now()` when shown.
 * On time-out, says what was on screen instead and the page's first errors.
 */
export async function showGrid(
  bp: BenchPage,
  url: string,
  probe: GridProbe,
  timeoutMs: number,
): Promise<number> {
  await bp.page.goto(url, { waitUntil: 'commit' });
  try {
    return await waitForGrid(bp.page, probe, timeoutMs);
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
    const state = await gridState(bp.page, probe.table).catch(() => undefined);
    const seen = !state?.found
      ? `no table named "${probe.table}"`
      : `the ${probe.table} grid shows ${state.rows} rows and ${state.headers.length} columns, ` +
        `not ${probe.rows} rows and ${probe.headers.length} columns`;
    const alerts = await bp.page
      .locator('[role=alert]')
      .allInnerTexts()
      .catch(() => [] as string[]);
    const shown = alerts.map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const errors =
      (shown[0] ? `; on screen: "${shown[0].slice(0, 160)}"` : '') +
      (bp.errors.length ? `; ${bp.errors.slice(0, 2).join('; ')}` : '');
    throw new Error(`after ${Math.round(timeoutMs / 1000)} s on ${url}: ${seen}${errors}`);
  }
}

/** Waits until the grid is not loading (aria-busy false) for two frames in a row. */
export async function waitGridIdle(page: Page, table: string, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (name) => {
      const t = [...document.querySelectorAll('table,[role=table],[role=grid]')].find(
        (el) => el.getAttribute('aria-label') === name,
      );
      const w = window as unknown as { __benchIdleFrames?: number };
      w.__benchIdleFrames =
        t && t.getAttribute('aria-busy') !== 'true' ? (w.__benchIdleFrames ?? 0) + 1 : 0;
      return w.__benchIdleFrames >= 2;
    },
    table,
    { polling: 'raf', timeout: timeoutMs },
  );
}
