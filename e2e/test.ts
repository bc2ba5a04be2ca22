import { test as base, expect } from '@playwright/test';

/**
 * Playwright's `test`, failing any journey during which the console reported an error to
 * Angular's ErrorHandler (logged as "ERROR …") or let one escape uncaught: a broken panel can
 * still leave every asserted element on screen (the session page's progress panel threw NG0203
 * on every visit while each journey passed). Errors the console handles — a refused call shown
 * with its reason — are not reported there and do not fail.
 */
export const test = base.extend<{ consoleErrors: void }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().startsWith('ERROR'))
          errors.push(message.text().slice(0, 600));
      });
      await use();
      expect(errors, 'errors the console reported while the journey ran').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
