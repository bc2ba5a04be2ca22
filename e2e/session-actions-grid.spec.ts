import { type Page } from '@playwright/test';
import { expect, test } from './test';

import { SessionStatus } from '../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type ClusterClients, clusterClients, sessionsIn } from './cluster';

type Client = Pick<ClusterClients, 'sessions'>;

async function withStatus(client: Client, status: SessionStatus, count: number): Promise<string[]> {
  const sessions = await sessionsIn(client, status, 'byId', count);
  expect(sessions).toHaveLength(count);
  return sessions.map((s) => s.sessionId);
}

async function statusOf(client: Client, id: string): Promise<SessionStatus | undefined> {
  return (await client.sessions.getSession({ sessionId: id })).session?.status;
}

/** The sessions grid showing exactly these sessions (one OR-group per id, in the grid's URL form). */
async function gridOf(page: Page, ids: readonly string[]): Promise<void> {
  await page.goto(`/sessions?${ids.map((id) => `f=sessionId:eq:${id}`).join('&')}`);
  for (const id of ids)
    await expect(page.getByRole('checkbox', { name: `Select session ${id}` })).toBeVisible();
}

test.describe('session actions from the sessions grid', () => {
  test('the row menu offers only what the status allows, and acts', async ({ page, baseURL }) => {
    const client = clusterClients(baseURL);
    const [running] = await withStatus(client, SessionStatus.RUNNING, 1);
    await gridOf(page, [running!]);

    await page.getByRole('button', { name: `Actions for session ${running}` }).click();
    const menu = page.getByRole('menu');
    for (const name of [
      'Copy session ID',
      'See session',
      'See tasks',
      'See results',
      'See partitions',
    ])
      await expect(menu.getByRole('menuitem', { name })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Pause session' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Purge session' })).toHaveCount(0);
    await expect(menu.getByRole('menuitem', { name: 'Resume session' })).toHaveCount(0);

    await menu.getByRole('menuitem', { name: 'Pause session' }).click();
    await expect(page.getByText(`Session ${running} paused.`)).toBeVisible();
    // The grid shows what the server returned.
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('checkbox', { name: `Select session ${running}` }) });
    await expect(row).toContainText('Paused');
    expect(await statusOf(client, running!)).toBe(SessionStatus.PAUSED);

    await page.getByRole('button', { name: `Actions for session ${running}` }).click();
    await expect(page.getByRole('menuitem', { name: 'Pause session' })).toHaveCount(0);
    await page.getByRole('menuitem', { name: 'Resume session' }).click();
    await expect(row).toContainText('Running');

    // "See tasks" opens the tasks grid filtered on the session.
    await page.getByRole('button', { name: `Actions for session ${running}` }).click();
    await page.getByRole('menuitem', { name: 'See tasks' }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks\\?f=sessionId(:|%3A)eq(:|%3A)${running}`));
  });

  test('a bulk close of a mixed selection skips the sessions it does not apply to', async ({
    page,
    baseURL,
  }) => {
    const client = clusterClients(baseURL);
    const running = await withStatus(client, SessionStatus.RUNNING, 2);
    const [cancelled] = await withStatus(client, SessionStatus.CANCELLED, 1);
    const [purged] = await withStatus(client, SessionStatus.PURGED, 1);
    await gridOf(page, [...running, cancelled!, purged!]);

    await page.getByRole('checkbox', { name: 'Select all sessions on this page' }).check();
    const bar = page.getByRole('toolbar', { name: /^Bulk actions for 4 selected sessions/ });
    await expect(bar).toBeVisible();
    // Only what at least one selected session allows: nothing is paused, so no Resume.
    await expect(bar.getByRole('button', { name: 'Resume', exact: true })).toHaveCount(0);
    await bar.getByRole('button', { name: 'Close', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'Close 2 sessions?' });
    await expect(dialog.getByText('2 sessions will be affected.')).toBeVisible();
    await expect(dialog.getByText('2 will be skipped, and nothing sent for them')).toBeVisible();
    await expect(dialog.getByRole('listitem')).toHaveText(['1 Cancelled', '1 Purged']);
    await dialog.getByRole('button', { name: 'Close 2 sessions' }).click({ timeout: 6_000 });

    const run = page.getByRole('dialog', { name: 'Close session: 2 sessions' });
    await expect(run.getByRole('status')).toHaveText(
      'Done: 2 succeeded, 0 failed, 2 skipped, 0 not run.',
    );
    const report = run.getByRole('table', { name: 'Report per session' });
    for (const id of running)
      await expect(report.getByRole('row').filter({ hasText: id })).toContainText('Succeeded');
    await expect(report.getByRole('row').filter({ hasText: cancelled! })).toContainText('Skipped');
    await expect(report.getByRole('row').filter({ hasText: purged! })).toContainText(
      'Its status (Purged) does not allow it',
    );
    await run.getByRole('button', { name: 'Close', exact: true }).click();

    // Nothing was sent for the skipped ones; the others are closed.
    for (const id of running) expect(await statusOf(client, id)).toBe(SessionStatus.CLOSED);
    expect(await statusOf(client, cancelled!)).toBe(SessionStatus.CANCELLED);
    expect(await statusOf(client, purged!)).toBe(SessionStatus.PURGED);
    // The journal (IndexedDB) has the two sent, not the skipped ones.
    await page.goto('/activity');
    const journal = page.getByRole('table', { name: 'Activity' });
    for (const id of running) await expect(journal.getByRole('link', { name: id })).toHaveCount(1);
    await expect(journal.getByRole('link', { name: cancelled! })).toHaveCount(0);
  });

  test('"select all matching" reads every page before planning', async ({ page, baseURL }) => {
    const client = clusterClients(baseURL);
    const running = await withStatus(client, SessionStatus.RUNNING, 12);
    // 12 sessions, 10 per page: the selection spans two pages.
    await page.goto(`/sessions?${running.map((id) => `f=sessionId:eq:${id}`).join('&')}&size=10`);
    await page.getByRole('checkbox', { name: 'Select all sessions on this page' }).check();
    await page.getByRole('button', { name: 'Select all 12 matching rows' }).click();
    const bar = page.getByRole('toolbar', { name: /^Bulk actions for 12 selected sessions/ });
    await expect(bar.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect(bar.getByRole('button', { name: 'Resume', exact: true })).toHaveCount(0);
    await bar.getByRole('button', { name: 'Pause', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Pause 12 sessions?' });
    await expect(dialog.getByText('12 sessions will be affected.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Pause 12 sessions' }).click();
    const run = page.getByRole('dialog', { name: 'Pause session: 12 sessions' });
    await expect(run.getByRole('status')).toHaveText(
      'Done: 12 succeeded, 0 failed, 0 skipped, 0 not run.',
    );
    await run.getByRole('button', { name: 'Copy report' }).click();
    await run.getByRole('button', { name: 'Close', exact: true }).click();
    for (const id of running) expect(await statusOf(client, id)).toBe(SessionStatus.PAUSED);
    for (const id of running) await client.sessions.resumeSession({ sessionId: id });
  });
});
