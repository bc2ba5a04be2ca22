/**
 * One refresh cycle as an operator triggers it: click "Refresh", wait until every gRPC call it
 * caused has answered and the network stayed quiet, then let the page paint twice. No fixed
 * sleeps: a cycle lasts as long as the console needs.
 */
import { type Locator, type Page } from '@playwright/test';

import { type BenchPage, longTaskCount, longTasks, type LongTask } from './chromium';
import { type NetworkMeter, type Traffic, grpcTraffic } from './network';

export interface CycleResult {
  ok: boolean;
  /** Click → last answer + two frames, ms. */
  wallMs: number;
  traffic: Traffic;
  longTasks: LongTask[];
}

export function refreshButton(page: Page): Locator {
  return page.getByRole('button', { name: /^\s*(refresh|refresh now)\s*$/i }).first();
}

/** The option labels of a choice: a native <select>'s options, or a listbox it opens. */
export async function choiceOptions(page: Page, select: Locator): Promise<string[]> {
  if (await isNativeSelect(select))
    return select.locator('option').evaluateAll((os) => os.map((o) => o.textContent?.trim() ?? ''));
  await select.click();
  return (await page.getByRole('option').allTextContents()).map((t) => t.trim());
}

/** Chooses the option at `index` of {@link choiceOptions} (which opened a listbox if there is one). */
export async function choose(page: Page, select: Locator, index: number): Promise<void> {
  if (await isNativeSelect(select)) await select.selectOption({ index });
  else await page.getByRole('option').nth(index).click();
}

/** Closes what {@link choiceOptions} opened, choosing nothing. */
export async function dismissChoice(page: Page, select: Locator): Promise<void> {
  if (!(await isNativeSelect(select))) await page.keyboard.press('Escape');
}

const isNativeSelect = (select: Locator) => select.evaluate((el) => el.tagName === 'SELECT');

export async function autoRefreshOff(page: Page): Promise<string> {
  const select = page.getByRole('combobox', { name: /auto-refresh interval/i }).first();
  if ((await select.count()) === 0) return 'no "Auto-refresh interval" select';
  const options = await choiceOptions(page, select);
  const off = options.findIndex((t) => /^(off|never|none|manual|paused?)$/i.test(t));
  if (off < 0) {
    await dismissChoice(page, select);
    return 'no "off" option in "Auto-refresh interval"';
  }
  await choose(page, select, off);
  return 'off';
}

export const twoFrames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );

/**
 * Network idle, then two painted frames, and again if those frames started new calls: a long
 * rendering task can delay the calls a response triggers (e.g. per-row counts) past the quiet
 * window, and rAF only runs once such a task is over.
 */
export async function settle(
  page: Page,
  meter: NetworkMeter,
  marker: number,
  opts: { quietMs: number; timeoutMs: number },
): Promise<boolean> {
  let ok = await meter.waitIdle(marker, opts);
  for (let i = 0; i < 10; i++) {
    const seen = meter.since(marker).length;
    await twoFrames(page);
    if (meter.since(marker).length === seen && meter.pending(marker).length === 0) break;
    ok = await meter.waitIdle(marker, opts);
  }
  return ok;
}

export async function refreshCycle(
  bp: BenchPage,
  meter: NetworkMeter,
  button: Locator,
  opts: { quietMs?: number; timeoutMs?: number; collectLongTasks?: boolean } = {},
): Promise<CycleResult> {
  const { page } = bp;
  const lt0 = opts.collectLongTasks ? await longTaskCount(page) : 0;
  const marker = meter.mark();
  const t0 = performance.now();
  await button.click();
  const ok = await settle(page, meter, marker, {
    quietMs: opts.quietMs ?? 100,
    timeoutMs: opts.timeoutMs ?? 30_000,
  });
  const wallMs = performance.now() - t0;
  const requests = meter.since(marker);
  return {
    ok,
    wallMs,
    traffic: grpcTraffic(requests),
    longTasks: opts.collectLongTasks ? await longTasks(page, lt0) : [],
  };
}
