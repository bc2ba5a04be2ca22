import type { Page } from '@playwright/test';

/**
 * The console's idle signal (`<html data-calls-in-flight>`, set by its transport): no call in
 * flight once two frames have rendered — the rows on screen ask for their counts from an
 * IntersectionObserver within a frame. Counting calls after it means every call an action (or a
 * way out of a dialog) sent is already seen.
 */
export async function consoleIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            resolve(document.documentElement.getAttribute('data-calls-in-flight') === '0'),
          ),
        ),
      ),
  );
}
