import { type Page } from '@playwright/test';
import { expect, test } from './test';
import { readFile } from 'node:fs/promises';

import { clusterClients } from './cluster';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-/;

/** The filters of the grid in the address bar, decoded (`sessionId:eq:…;status:eq:…`). */
function filtersOf(page: Page): string[] {
  return new URL(page.url()).searchParams.getAll('f').map(decodeURIComponent);
}

/** The body rows of the tasks grid (each has its own selection checkbox). */
function taskRows(page: Page) {
  return page
    .getByRole('grid', { name: 'Tasks' })
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: /^Select task / }) });
}

function breadcrumbs(page: Page) {
  return page.getByRole('navigation', { name: 'Breadcrumbs' });
}

test.describe('drill-down on the embedded cluster', () => {
  test('session → its tasks in error → a task → back to its session', async ({ page }) => {
    await page.goto('/sessions');
    const errors = page.getByRole('link', { name: /^Error: [1-9]\d*, show them$/ }).first();
    await expect(errors).toBeVisible();
    const row = page.getByRole('row').filter({ has: errors });
    const sessionId = (await row.getByRole('link', { name: GUID }).first().textContent())!.trim();

    // The count cell opens the tasks grid filtered on that session and those statuses.
    await errors.click();
    await expect(page).toHaveURL(/\/tasks\?/);
    expect(filtersOf(page)).toEqual([`sessionId:eq:${sessionId};status:eq:error,timeout`]);
    await expect(breadcrumbs(page).getByRole('link', { name: 'Sessions' })).toBeVisible();
    await expect(breadcrumbs(page).getByRole('link', { name: sessionId })).toBeVisible();

    const table = page.getByRole('grid', { name: 'Tasks' });
    const firstTask = table.getByRole('link', { name: GUID }).first();
    await expect(firstTask).toBeVisible();
    const rows = taskRows(page);
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText(/Error|Timeout/);

    const taskId = (await firstTask.textContent())!.trim();
    await firstTask.click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
    await expect(page.getByRole('heading', { level: 1, name: `Task ${taskId}` })).toBeVisible();
    await expect(breadcrumbs(page).getByRole('link', { name: 'Tasks' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();

    await page.getByRole('link', { name: 'See session' }).click();
    await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
    await expect(
      page.getByRole('heading', { level: 1, name: new RegExp(sessionId) }),
    ).toBeVisible();

    // Every step was a URL: back returns to the task, then to the filtered grid.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: `Task ${taskId}` })).toBeVisible();
    await page.goBack();
    expect(filtersOf(page)).toEqual([`sessionId:eq:${sessionId};status:eq:error,timeout`]);
    await expect(table.getByRole('link', { name: taskId })).toBeVisible();
  });

  test("a result's download gives the bytes the server holds", async ({ page, baseURL }) => {
    // A completed result larger than two chunks (81,920 bytes each).
    await page.goto(`/results?f=${encodeURIComponent('status:eq:completed;size:gt:163840')}`);
    const link = page
      .getByRole('grid', { name: 'Results' })
      .getByRole('link', { name: GUID })
      .first();
    await expect(link).toBeVisible();
    const resultId = (await link.textContent())!.trim();
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: `Result ${resultId}` })).toBeVisible();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Download \(/ }).click();
    const download = await downloading;
    const received = new Uint8Array(await readFile((await download.path())!));
    await expect(page.getByRole('status').filter({ hasText: 'Downloaded ' })).toBeVisible();

    const client = clusterClients(baseURL).results;
    const { result } = await client.getResult({ resultId });
    const chunks: Uint8Array[] = [];
    for await (const { dataChunk } of client.downloadResultData({
      sessionId: result!.sessionId,
      resultId,
    }))
      chunks.push(dataChunk);
    expect(chunks.length).toBeGreaterThan(2);
    const held = Buffer.concat(chunks);
    expect(received.byteLength).toBe(Number(result!.size));
    expect(Buffer.from(received).equals(held)).toBe(true);
  });

  test('a result that is not completed says why it cannot be downloaded', async ({ page }) => {
    await page.goto('/results?status=created');
    const link = page
      .getByRole('grid', { name: 'Results' })
      .getByRole('link', { name: GUID })
      .first();
    await link.click();
    await expect(
      page.getByText('No data yet: the result is still awaited from its owner task.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /^Download/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'See owner task' })).toBeVisible();
  });

  test('partition links round-trip', async ({ page }) => {
    await page.goto('/partitions');
    await page
      .getByRole('grid', { name: 'Partitions' })
      .getByRole('link', { name: 'gpu', exact: true })
      .click();
    await expect(page).toHaveURL(/\/partitions\/gpu$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Partition gpu' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^See all \d+ tasks$/ })).toBeVisible();

    await page.getByRole('link', { name: 'See tasks' }).click();
    await expect(page).toHaveURL(/\/tasks\?/);
    expect(filtersOf(page)).toEqual(['partitionId:eq:gpu']);
    await expect(
      page.getByRole('grid', { name: 'Tasks' }).getByRole('link', { name: GUID }).first(),
    ).toBeVisible();

    // The trail leads back up: Partitions › gpu › Tasks.
    await breadcrumbs(page).getByRole('link', { name: 'gpu' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partition gpu' })).toBeVisible();

    await page.getByRole('link', { name: 'See sessions' }).click();
    await expect(page).toHaveURL(/\/sessions\?/);
    expect(filtersOf(page)).toEqual(['partitionIds:has:gpu']);
    await expect(page.getByRole('link', { name: GUID }).first()).toBeVisible();

    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Partition gpu' })).toBeVisible();
    await page.goForward();
    expect(filtersOf(page)).toEqual(['partitionIds:has:gpu']);
  });

  test('cancelling a task updates its status', async ({ page }) => {
    await page.goto('/tasks?status=submitted');
    const link = page
      .getByRole('grid', { name: 'Tasks' })
      .getByRole('link', { name: GUID })
      .first();
    const taskId = (await link.textContent())!.trim();
    await link.click();
    const status = page.getByRole('region', { name: 'Status' });
    await expect(status).toContainText('Submitted');

    await page.getByRole('button', { name: 'Cancel task' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel tasks?' });
    await expect(dialog).toContainText(taskId);
    const confirm = dialog.getByRole('button', { name: 'Cancel task' });
    // Armed only after a visible 3-second countdown.
    await expect(confirm).toBeDisabled();
    await expect(dialog.getByRole('timer')).toContainText(/Arms in \d s/);
    await expect(confirm).toBeEnabled({ timeout: 5_000 });
    await confirm.click();

    const report = page.getByRole('dialog', { name: 'Cancellation report' });
    await expect(report).toContainText('Cancelled: 1');
    await report.getByRole('button', { name: 'Close' }).click();
    await expect(status).toContainText(/Cancelling|Cancelled/);
    await expect(status).toContainText('Cancelled', { timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Cancel task' })).toHaveCount(0);
  });

  test('cancelling a selection reports on every task', async ({ page }) => {
    await page.goto(`/tasks?f=${encodeURIComponent('status:eq:pending')}`);
    const table = page.getByRole('grid', { name: 'Tasks' });
    const rows = taskRows(page);
    await expect(rows.first()).toBeVisible();
    const idOf = async (i: number) =>
      (await rows.nth(i).getByRole('link').first().textContent())!.trim();
    const [first, second] = [await idOf(0), await idOf(1)];
    await table.getByRole('checkbox', { name: `Select task ${first}` }).check();
    await table.getByRole('checkbox', { name: `Select task ${second}` }).check();
    const bar = page.getByRole('toolbar', { name: 'Selected tasks' });
    await expect(bar).toContainText('2 selected');
    await bar.getByRole('button', { name: 'Cancel tasks' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel tasks?' });
    await expect(dialog).toContainText('Tasks to cancel: 2.');
    await dialog.getByRole('button', { name: 'Cancel 2 tasks' }).click({ timeout: 6_000 });
    const report = page.getByRole('dialog', { name: 'Cancellation report' });
    await expect(report).toContainText('Cancelled: 2');
    await expect(report.getByRole('link', { name: first })).toBeVisible();
    await expect(report.getByRole('link', { name: second })).toBeVisible();
  });

  test('an unknown task id shows the not-found page', async ({ page }) => {
    await page.goto('/tasks/no-such-task');
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(
      page.getByText('No task with id “no-such-task” exists on this cluster.'),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Back to tasks' }).click();
    await expect(page).toHaveURL(/\/tasks(\?|$)/);
  });
});
