import { expect, test } from './test';

test.describe('app shell on the embedded cluster', () => {
  test('opens on the overview, shows the cluster version and health, and reaches sessions', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Session Console' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const name of ['Sessions', 'Tasks', 'Results', 'Partitions', 'Applications']) {
      await expect(nav.getByRole('link', { name })).toBeVisible();
    }
    await expect(page.getByText(/Core \d/)).toBeVisible();
    await expect(page.getByRole('status', { name: 'Cluster health: Healthy' })).toBeVisible();
    // At least one session id (a GUID) from the embedded cluster is on the sessions page.
    await nav.getByRole('link', { name: 'Sessions' }).click();
    await expect(page).toHaveURL(/\/sessions/);
    await expect(
      page.getByRole('link', { name: /^[0-9a-f]{8}-[0-9a-f]{4}-/ }).first(),
    ).toBeVisible();
  });

  test('switches the interface to French and back', async ({ page }) => {
    await page.goto('/sessions');
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(
      page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Tâches' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Langue' }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  });

  test('an unknown route shows a not-found page with a way back', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to sessions' }).click();
    await expect(page).toHaveURL(/\/sessions/);
  });
});
