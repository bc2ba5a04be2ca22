/**
 * Section 6 — Bulk: wall time to close N running sessions through the bulk bar, the way support
 * staff would: open the sessions grid filtered on exactly those N sessions, select the page,
 * "Select all N matching rows", "Close" in the bulk bar, wait for "Confirm" to arm (3 s), confirm,
 * and wait for the final report ("Done: … succeeded …"). Checked afterwards over native gRPC.
 *
 * The N sessions are the oldest Running ones (a created-at range, so sessions the simulation
 * creates meanwhile never fall in it).
 */
import { type Page } from '@playwright/test';

import { type SessionRaw, filtersOf, sessionField, statusEquals, type Msg } from '../grpc-client';
import { type Scale, type SectionBuilder } from '../report';
import { round, sleep } from '../stats';
import { openPage } from './chromium';
import { showGrid, waitGridIdle } from './grid';
import { type BrowserSection, gridUrl } from './views';

type Ts = NonNullable<SessionRaw['created_at']>;

/** A Timestamp as the grid's URL filters take it: ISO-8601 UTC with nanoseconds. */
export function isoNanos(ts: Ts): string {
  const base = new Date(Number(ts.seconds) * 1000).toISOString().slice(0, 19);
  return `${base}.${String(ts.nanos).padStart(9, '0')}Z`;
}

const dateFilter = (
  op: 'FILTER_DATE_OPERATOR_AFTER_OR_EQUAL' | 'FILTER_DATE_OPERATOR_BEFORE_OR_EQUAL',
  value: Ts,
): Msg => ({
  field: sessionField('CREATED_AT'),
  filter_date: { value, operator: op },
});

async function waitEnabled(
  page: Page,
  locator: ReturnType<Page['locator']>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await locator.count()) > 0 && (await locator.isEnabled())) return;
    await sleep(20);
  }
  throw new Error('timed out waiting for an enabled button');
}

export const bulkSection: BrowserSection = {
  plan(s: SectionBuilder, scale: Scale) {
    const n = scale.bulkSessions;
    s.plan(
      'close.wall',
      `Close ${n} sessions: Confirm → report`,
      's',
      'From the click on the armed "Confirm" to the final report on screen: the work itself.',
    );
    s.plan(
      'close.total',
      `Close ${n} sessions: whole gesture`,
      's',
      'From "select the page" to the final report (reading the selection and the 3 s arming included).',
    );
    s.plan(
      'close.perSession',
      'Per session',
      'ms',
      'Confirm → report divided by the number of sessions closed.',
    );
    s.plan(
      'close.succeeded',
      'Sessions reported closed',
      'sessions',
      'Report lines that succeeded (the rest failed or were skipped by status).',
    );
    s.plan(
      'close.verified',
      'Sessions closed according to the server',
      'sessions',
      'Asked afterwards over native gRPC: the report must not claim more than this.',
    );
  },
  async run(s, ctx) {
    this.plan(s, ctx.scale);
    const n = ctx.scale.bulkSessions;
    const c = ctx.server.clients;
    const running = filtersOf([statusEquals(sessionField('STATUS'), 'SESSION_STATUS_RUNNING')]);
    const oldest = await c.listSessions({
      page: 0,
      page_size: n,
      filters: running,
      sort: { field: sessionField('CREATED_AT'), direction: 'SORT_DIRECTION_ASC' },
    });
    if (oldest.sessions.length < n)
      throw new Error(`only ${oldest.sessions.length} running sessions, ${n} wanted`);
    const first = oldest.sessions.at(0)?.created_at;
    const last = oldest.sessions.at(n - 1)?.created_at;
    if (!first || !last) throw new Error('the oldest running sessions have no creation time');
    const ids = new Set(oldest.sessions.map((x) => x.session_id));
    const url = gridUrl('/sessions', {
      size: 100,
      conditions: [
        ['status', 'eq', 'running'],
        ['createdAt', 'ge', isoNanos(first)],
        ['createdAt', 'le', isoNanos(last)],
      ],
    });

    const bp = await openPage(ctx.browser, ctx.server.url);
    try {
      const { page } = bp;
      // A grid that renders only the rows in view shows a few of the page's rows: wait for the
      // page to be loaded, not for every row to be in the DOM ("select all on this page" selects
      // the page's data).
      await showGrid(bp, url, { table: 'Sessions', rows: 1, headers: [] }, ctx.loadTimeoutMs);
      await waitGridIdle(page, 'Sessions', ctx.loadTimeoutMs);
      const t0 = performance.now();
      await page.getByRole('checkbox', { name: 'Select all sessions on this page' }).check();
      if (n > 100) {
        await page.getByRole('button', { name: /^Select all .* matching rows$/ }).click();
      }
      const bar = page.getByRole('toolbar', { name: /^Bulk actions for/ });
      try {
        await bar.waitFor({ state: 'visible', timeout: 10_000 });
      } catch {
        throw new Error(
          'no bulk bar (toolbar "Bulk actions for N selected sessions") after selecting sessions',
        );
      }
      const close = bar.getByRole('button', { name: /^\s*Close\s*$/ });
      await close.waitFor({ state: 'visible', timeout: ctx.loadTimeoutMs });
      await close.click();
      const dialog = page.getByRole('dialog').last();
      // The armed button says what it does ("Close 50 sessions"); older builds said "Confirm".
      const confirm = dialog.getByRole('button', {
        name: /^\s*(Confirm|Close [\d,]+ sessions?)\s*$/,
      });
      await waitEnabled(page, confirm, ctx.loadTimeoutMs);
      const t1 = performance.now();
      await confirm.click();
      const done = page.getByText(/Done: .* succeeded/).last();
      await done.waitFor({ state: 'visible', timeout: 30 * 60_000 });
      const t2 = performance.now();
      const text = (await done.textContent()) ?? '';
      const numbers: Record<string, number> = {};
      for (const [, count = '', outcome = ''] of text.matchAll(
        /([\d,]+)\s+(succeeded|failed|skipped|not run)/g,
      ))
        numbers[outcome] = Number(count.replace(/,/g, ''));
      const succeeded = numbers['succeeded'] ?? Number.NaN;
      s.set('close.wall', round((t2 - t1) / 1000, 2), { report: text.trim() });
      s.set('close.total', round((t2 - t0) / 1000, 2));
      s.set('close.perSession', round((t2 - t1) / Math.max(1, succeeded), 1));
      s.set('close.succeeded', succeeded, numbers);

      // What the server says now about those sessions.
      const after = await c.listSessions({
        page: 0,
        page_size: n + 1000,
        filters: filtersOf([
          statusEquals(sessionField('STATUS'), 'SESSION_STATUS_CLOSED'),
          dateFilter('FILTER_DATE_OPERATOR_AFTER_OR_EQUAL', first),
          dateFilter('FILTER_DATE_OPERATOR_BEFORE_OR_EQUAL', last),
        ]),
      });
      s.set('close.verified', after.sessions.filter((x) => ids.has(x.session_id)).length);
      s.note(`The ${n} oldest Running sessions, opened as \`${decodeURIComponent(url)}\`.`);
    } finally {
      await bp.close();
    }
  },
};
