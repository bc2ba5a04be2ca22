import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { expect, test } from './test';

/**
 * Accessibility measured by rules nobody here wrote: axe-core's WCAG 2.1 A and AA rules on every
 * page the operator works in, in light and dark. A serious or critical violation fails the
 * journey, with the rule and the elements it found, so the suite keeps the count at zero.
 */

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.nodes.length}): ${violation.nodes
          .slice(0, 5)
          .map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
}

/** A grid page, once its rows and their counts are on screen. */
async function openGrid(page: Page, path: string, name: string): Promise<void> {
  await page.goto(path);
  const grid = page.getByRole('grid', { name });
  await expect(grid.locator('tbody').getByRole('row').first()).toBeVisible();
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  await expect(grid.getByRole('img', { name: /Loading/ })).toHaveCount(0);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, WCAG 2.1 A+AA, ${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    });

    test('the sessions grid', async ({ page }) => {
      await openGrid(page, '/sessions', 'Sessions');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a session’s page', async ({ page }) => {
      await openGrid(page, '/sessions', 'Sessions');
      const link = page.getByRole('grid', { name: 'Sessions' }).locator('tbody a').first();
      const id = (await link.innerText()).trim();
      await page.goto(`/sessions/${id}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(id).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the tasks grid', async ({ page }) => {
      await openGrid(page, '/tasks', 'Tasks');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the results grid', async ({ page }) => {
      await openGrid(page, '/results', 'Results');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the partitions grid', async ({ page }) => {
      await openGrid(page, '/partitions', 'Partitions');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the activity journal', async ({ page }) => {
      await page.goto('/activity');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
