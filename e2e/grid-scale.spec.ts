import { type Page } from '@playwright/test';
import { expect, test } from './test';

/**
 * The grid at operator scale (issue 13), on the embedded cluster (seed 7, 500 sessions, no
 * simulation): pinned identity, readable counts, keyboard only, rows rendered only in view.
 * Elements are found by role and accessible name; no assertion depends on timing.
 */

const grid = (page: Page) => page.getByRole('grid', { name: 'Sessions' });
const bodyRows = (page: Page) => grid(page).locator('tbody').getByRole('row');

/** All 23 columns of the sessions grid. */
const ALL_COLUMNS = [
  'sessionId',
  'status',
  'cancelledAt',
  'createdAt',
  'deletedAt',
  'purgedAt',
  'closedAt',
  'options',
  'workerSubmission',
  'clientSubmission',
  'duration',
  'partitionIds',
  'counts',
  'customData',
  'applicationName',
  'applicationNamespace',
  'applicationService',
  'applicationVersion',
  'engineType',
  'maxDuration',
  'maxRetries',
  'partitionId',
  'priority',
].join(',');

async function openSessions(page: Page, query = ''): Promise<void> {
  await page.goto(`/sessions${query}`);
  await expect(bodyRows(page).first()).toBeVisible();
  await expect(grid(page)).toHaveAttribute('aria-busy', 'false');
}

/** The element that has keyboard focus, described by role-ish facts a test can compare. */
const focusInGrid = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    const gridElement = document.querySelector('[role="grid"]');
    return !!active && !!gridElement && gridElement.contains(active);
  });

test.describe('the grid at operator scale', () => {
  test('scrolled right, a 23-column grid keeps each row’s id and status in view', async ({
    page,
  }) => {
    await openSessions(page, `?sort=createdAt:desc&page=1&size=25&cols=${ALL_COLUMNS}`);
    const first = bodyRows(page).first();
    const id = first.getByRole('link').first();
    const priority = grid(page).getByRole('columnheader', { name: 'Priority' });
    await expect(priority).not.toBeInViewport();

    // Right along the first row, by keyboard: each focused cell scrolls out from under the pinned ones.
    await id.focus();
    for (let i = 0; i < 22; i++) await page.keyboard.press('ArrowRight');
    // The focus is on this row's Priority cell: the column the grid numbers as Priority's.
    const column = await priority.getAttribute('aria-colindex');
    expect(column).toBe('24');
    await expect(first.locator(`[role="gridcell"][aria-colindex="${column}"]`)).toBeFocused();

    await expect(priority).toBeInViewport();
    await expect(id).toBeInViewport();
    await expect(first.getByText(/^(Running|Paused|Closed|Cancelled|Purged)$/)).toBeInViewport();
    await expect(grid(page).getByRole('columnheader', { name: 'Session ID' })).toBeInViewport();
    await expect(grid(page).getByRole('columnheader', { name: 'Created At' })).not.toBeInViewport();
    // The actions stay at the end, in view.
    await expect(first.getByRole('button', { name: /^Actions for session / })).toBeInViewport();
  });

  test('a 23-column grid renders the columns in view, numbers every column, and draws the far ones when scrolled to', async ({
    page,
  }) => {
    await openSessions(page, `?sort=createdAt:desc&page=1&size=25&cols=${ALL_COLUMNS}`);
    // The selection, 23 columns and the actions: 25 columns, as assistive technology is told.
    await expect(grid(page)).toHaveAttribute('aria-colcount', '25');
    const headers = grid(page).getByRole('columnheader');
    const shown = await headers.count();
    expect(shown).toBeLessThan(25);
    const priority = grid(page).getByRole('columnheader', { name: 'Priority' });
    await expect(priority).toHaveCount(0);
    // Each rendered cell says which column it is, so the gaps read as columns, not as nothing.
    const first = bodyRows(page).first();
    const indexes = await first
      .getByRole('gridcell')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('aria-colindex'))));
    expect(indexes.length).toBe(shown);
    expect(indexes[0]).toBe(1);
    expect(indexes.at(-1)).toBe(25);

    // Scrolled to the right end with the mouse wheel: the last columns are drawn, the id stays.
    await grid(page).hover();
    await page.mouse.wheel(6000, 0);
    await expect(priority).toBeInViewport();
    await expect(first.getByRole('link').first()).toBeInViewport();
    await expect(grid(page).getByRole('columnheader', { name: 'Created At' })).toHaveCount(0);
  });

  test('the counts header names the groups, and every chip says what it counts', async ({
    page,
  }) => {
    await openSessions(page);
    const header = grid(page).getByRole('columnheader', { name: /^Tasks by Statuses/ });
    const legend = await header.evaluate((th) =>
      [...th.querySelectorAll('[data-tip]')].map((item) => (item.textContent ?? '').trim()),
    );
    expect(legend.length).toBeGreaterThan(1);
    expect(legend).toContain('Running');
    const chips = bodyRows(page)
      .first()
      .getByRole('link', { name: /: \d+, show them$/ });
    await expect(chips).toHaveCount(legend.length);
    const names = await chips.evaluateAll((links) =>
      links.map((link) => link.getAttribute('aria-label') ?? ''),
    );
    expect(names.map((name) => name.replace(/: \d+, show them$/, ''))).toEqual(legend);
  });

  test('column widths do not move when the counts arrive', async ({ page }) => {
    await page.route(/CountTasksByStatus/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto('/sessions');
    const header = grid(page).getByRole('columnheader', { name: 'Created At' });
    await expect(header).toBeVisible();
    const before = (await header.boundingBox())!;
    await expect(
      bodyRows(page)
        .first()
        .getByRole('link', { name: /: \d+, show them$/ })
        .first(),
    ).toBeVisible();
    const after = (await header.boundingBox())!;
    expect(after.x).toBe(before.x);
    expect(after.width).toBe(before.width);
  });

  test('keyboard only: into the grid in one stop, to a row, its actions, and two selected rows reach the bulk bar', async ({
    page,
  }) => {
    await openSessions(page);
    await page.getByRole('button', { name: 'Filters', exact: true }).focus();
    for (let i = 0; i < 20 && !(await focusInGrid(page)); i++) await page.keyboard.press('Tab');
    expect(await focusInGrid(page)).toBe(true);
    // One tab stop: the next Tab leaves the grid.
    await page.keyboard.press('Tab');
    expect(await focusInGrid(page)).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focusInGrid(page)).toBe(true);

    // Down to the first row, then its actions with Shift+F10, dismissed with Escape.
    await page.keyboard.press('Control+Home');
    const first = bodyRows(page).nth(0);
    const firstId = (await first.getByRole('link').first().innerText()).trim();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem', { name: 'Copy session ID' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    expect(await focusInGrid(page)).toBe(true);

    // Space selects the row, ArrowDown + Space the next one.
    await page.keyboard.press('Space');
    await expect(first.getByRole('checkbox', { name: `Select session ${firstId}` })).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    const secondId = (await bodyRows(page).nth(1).getByRole('link').first().innerText()).trim();
    await expect(page.getByRole('checkbox', { name: `Select session ${secondId}` })).toBeChecked();
    const bar = page.getByRole('toolbar', { name: 'Bulk actions for 2 selected sessions' });
    await expect(bar).toBeVisible();

    // The bulk bar comes before the grid: Shift+Tab reaches its controls.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Shift+Tab');
      if (await bar.evaluate((el) => el.contains(document.activeElement))) break;
    }
    expect(await bar.evaluate((el) => el.contains(document.activeElement))).toBe(true);

    // Enter on a row opens it.
    await grid(page).getByRole('link', { name: secondId }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/sessions/${secondId}$`));
  });

  test('/ focuses the search and ? lists the shortcuts', async ({ page }) => {
    await openSessions(page);
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search session ID' })).toBeFocused();
    await page.getByRole('heading', { name: 'Sessions' }).click();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog.getByRole('row', { name: /Shift\+F10/ })).toContainText(
      'Open the row’s actions',
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  test('a 1,000-row page scrolled to the end shows its last row, with counts only for rows that were on screen', async ({
    page,
  }) => {
    let counted = 0;
    page.on('request', (request) => {
      if (request.url().includes('CountTasksByStatus')) counted++;
    });
    await openSessions(page, '?sort=createdAt:desc&page=1&size=1000');
    await expect(page.getByRole('combobox', { name: 'Rows per page' })).toHaveValue('1000');
    const total = Number(await grid(page).getAttribute('aria-rowcount')) - 1;
    const rows = Math.min(1000, total);
    expect(rows).toBeGreaterThan(100);
    // Only the rows in view (plus a small buffer) are in the DOM.
    expect(await bodyRows(page).count()).toBeLessThan(60);

    // Scroll to the end by keyboard: Ctrl+End moves to the last cell of the last row.
    await bodyRows(page).first().getByRole('link').first().focus();
    await page.keyboard.press('Control+End');
    const last = grid(page).locator(`tbody [aria-rowindex="${rows + 1}"]`);
    await expect(last).toBeInViewport();
    await expect(last.getByRole('link', { name: /: \d+, show them$/ }).first()).toBeVisible();
    // Counts were asked for the rows on screen on the way (first screen, last screen), not all.
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThan(rows / 4);
  });

  test('compact density fits at least 25 rows in 1,000 px, chosen from the grid toolbar', async ({
    page,
  }) => {
    await openSessions(page, '?sort=createdAt:desc&page=1&size=100');
    await page.getByRole('radio', { name: 'Compact' }).click();
    await expect(page.getByRole('radio', { name: 'Compact' })).toBeChecked();
    const heights = await bodyRows(page).evaluateAll((rows) =>
      rows.slice(0, 10).map((row) => row.getBoundingClientRect().height),
    );
    for (const height of heights) expect(1000 / height).toBeGreaterThanOrEqual(25);
    await page.getByRole('radio', { name: 'Comfortable' }).click();
    await expect(page.getByRole('radio', { name: 'Comfortable' })).toBeChecked();
  });

  test('a 100-row page with all 23 columns stays under 8,000 DOM nodes', async ({ page }) => {
    await openSessions(page, `?sort=createdAt:desc&page=1&size=100&cols=${ALL_COLUMNS}`);
    const nodes = await page.evaluate(() => {
      let count = 0;
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) count++;
      return count;
    });
    expect(nodes).toBeLessThan(8000);
  });

  test('Finished only shows sessions that are neither running nor paused, and turns off', async ({
    page,
  }) => {
    await openSessions(page);
    await page.getByRole('switch', { name: 'Finished only' }).click();
    await expect(page).toHaveURL(/status=closed,cancelled,purged/);
    await expect(page.getByRole('switch', { name: 'Finished only' })).toBeChecked();
    await expect(page.getByRole('switch', { name: 'Active only' })).not.toBeChecked();
    await expect
      .poll(async () => {
        const texts = await bodyRows(page).evaluateAll((rows) =>
          rows.map((row) => row.textContent ?? ''),
        );
        return texts.length > 0 && texts.every((text) => !/Running|Paused/.test(text));
      })
      .toBe(true);
    await page.getByRole('switch', { name: 'Finished only' }).click();
    await expect(page).not.toHaveURL(/status=/);
  });
});
