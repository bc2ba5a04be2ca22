import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './test';

import { SessionStatus } from '../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../proto/gen/armonik/api/grpc/v1/task_status_pb';
import {
  type ClusterClients,
  clusterClients,
  sessionState,
  sessionsIn,
  taskState,
  tasksIn,
} from './cluster';
import { consoleIdle } from './console-idle';

/**
 * Every dialog that changes something on the cluster × every way out of it (issue 9). After a
 * way out that is not a confirmation the cluster is unchanged and no mutating call was sent;
 * after a confirmation exactly one call per target was sent and the cluster changed. The state
 * is read over gRPC-web with our own clients, not from the screen.
 */

async function sessionsWith(
  api: ClusterClients,
  status: SessionStatus,
  count: number,
): Promise<string[]> {
  const sessions = await sessionsIn(api, status, 'newest', 200);
  // Running ones with open submission, so that Stop submission is offered too.
  const ids = sessions
    .filter((s) => status !== SessionStatus.RUNNING || (s.clientSubmission && s.workerSubmission))
    .map((s) => s.sessionId)
    .slice(0, count);
  expect(ids).toHaveLength(count);
  return ids;
}

async function tasksWith(
  api: ClusterClients,
  status: TaskStatus,
  count: number,
): Promise<string[]> {
  const tasks = await tasksIn(api, status, count);
  expect(tasks).toHaveLength(count);
  return tasks.map((t) => t.id);
}

/** Mutating calls the browser sends, by method name. */
function countCalls(page: Page, method: string): () => number {
  let calls = 0;
  page.on('request', (request) => {
    if (request.url().endsWith(`/${method}`)) calls++;
  });
  return () => calls;
}

/** An open dialog, and what the test needs to drive it and check the cluster. */
interface Opened {
  readonly dialog: Locator;
  readonly keep: Locator;
  readonly confirm: Locator;
  /** Confirm by a typed word (Delete) rather than a countdown. */
  readonly typed?: Locator;
  /** The field or button that has focus when the dialog opens. */
  readonly initialFocus: Locator;
  /** What the cluster holds for the targets. */
  state(): Promise<string[]>;
  /** Calls expected after one confirmation. */
  readonly calls: number;
  /** Closes what a confirmation left open (the run or cancel report), if it still is. */
  finished(): Promise<void>;
}

interface Scenario {
  readonly name: string;
  readonly method: string;
  /** Single-key shortcut that opens the same dialog, when there is one. */
  readonly shortcut?: string;
  open(page: Page, api: ClusterClients): Promise<Opened>;
}

/** Arms Confirm: types the word, or waits out the visible countdown. */
async function arm(opened: Opened): Promise<void> {
  if (opened.typed) await opened.typed.fill('delete');
  await expect(opened.confirm).toBeEnabled({ timeout: 6_000 });
}

type Way = 'dismissed' | 'confirmed';

const WAYS: readonly {
  readonly name: string;
  readonly single?: boolean;
  run(page: Page, opened: Opened, scenario: Scenario): Promise<Way>;
}[] = [
  {
    name: 'the dismiss button, once Confirm is armed',
    async run(_page, opened) {
      await arm(opened);
      await opened.keep.click();
      await expect(opened.dialog).toBeHidden();
      return 'dismissed';
    },
  },
  {
    name: 'Escape',
    async run(page, opened) {
      if (opened.typed) await opened.typed.fill('delete');
      await page.keyboard.press('Escape');
      await expect(opened.dialog).toBeHidden();
      return 'dismissed';
    },
  },
  {
    name: 'a backdrop click',
    async run(page, opened) {
      if (opened.typed) await opened.typed.fill('delete');
      await page.mouse.click(4, 4);
      await expect(opened.dialog).toBeHidden();
      return 'dismissed';
    },
  },
  {
    name: 'Enter at the initial focus',
    async run(page, opened) {
      await expect(opened.initialFocus).toBeFocused();
      await page.keyboard.press('Enter');
      // Keep has the focus (countdown), or the empty Delete field (nothing to confirm).
      if (opened.typed) await expect(opened.dialog).toBeVisible();
      else await expect(opened.dialog).toBeHidden();
      return 'dismissed';
    },
  },
  {
    name: 'Tab towards Confirm before it arms, then Enter',
    async run(page, opened) {
      await page.keyboard.press('Tab');
      await expect(opened.confirm).not.toBeFocused();
      await page.keyboard.press('Enter');
      return 'dismissed';
    },
  },
  {
    name: 'navigation while open',
    async run(page, opened) {
      if (opened.typed) await opened.typed.fill('delete');
      await page.goBack();
      await expect(opened.dialog).toBeHidden();
      return 'dismissed';
    },
  },
  {
    name: 'a double click on the armed Confirm',
    async run(_page, opened) {
      await arm(opened);
      await opened.confirm.dblclick();
      return 'confirmed';
    },
  },
  {
    name: 'Enter held down on the armed Confirm (or in the Delete field)',
    async run(page, opened) {
      await arm(opened);
      if (opened.typed) await opened.typed.focus();
      else await opened.confirm.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.down('Enter');
      await page.keyboard.up('Enter');
      return 'confirmed';
    },
  },
  {
    name: 'its keyboard shortcut pressed twice, then Confirm',
    single: true,
    async run(page, opened, scenario) {
      // The dialog is already open from the shortcut: a second press opens nothing more.
      await page.locator('body').focus();
      await page.keyboard.press(scenario.shortcut!);
      await expect(page.getByRole('dialog')).toHaveCount(1);
      await arm(opened);
      await opened.confirm.click();
      return 'confirmed';
    },
  },
];

// ---- session actions, one session (inspection page) ----

const SINGLE: readonly {
  action: string;
  method: string;
  title: string;
  button: string;
  shortcut: string;
  from: SessionStatus;
}[] = [
  {
    action: 'cancel',
    method: 'CancelSession',
    title: 'Cancel this session?',
    button: 'Cancel session',
    shortcut: 'c',
    from: SessionStatus.RUNNING,
  },
  {
    action: 'close',
    method: 'CloseSession',
    title: 'Close this session?',
    button: 'Close session',
    shortcut: 'l',
    from: SessionStatus.RUNNING,
  },
  {
    action: 'purge',
    method: 'PurgeSession',
    title: 'Purge this session?',
    button: 'Purge session',
    shortcut: 'u',
    from: SessionStatus.CANCELLED,
  },
  {
    action: 'stop submission',
    method: 'StopSubmission',
    title: 'Stop submission for this session?',
    button: 'Stop submission',
    shortcut: 's',
    from: SessionStatus.RUNNING,
  },
  {
    action: 'delete',
    method: 'DeleteSession',
    title: 'Delete this session?',
    button: 'Delete session',
    shortcut: 'Delete',
    from: SessionStatus.RUNNING,
  },
];

const singleScenarios: Scenario[] = SINGLE.map((s) => ({
  name: `${s.action} one session`,
  method: s.method,
  shortcut: s.shortcut,
  async open(page, api) {
    const [id] = await sessionsWith(api, s.from, 1);
    // A page to go back to: "navigation while open".
    await page.goto('/activity');
    await page.goto(`/sessions/${id}`);
    const actions = page.getByRole('group', { name: 'Session actions' });
    await expect(actions.getByRole('button', { name: s.button })).toBeEnabled();
    await actions.getByRole('button', { name: s.button }).click();
    const dialog = page.getByRole('dialog', { name: s.title });
    await expect(dialog).toBeVisible();
    const typed =
      s.action === 'delete'
        ? dialog.getByRole('textbox', { name: 'Type delete to confirm' })
        : undefined;
    const keep = dialog.getByRole('button', { name: 'Keep session' });
    return {
      dialog,
      keep,
      confirm: dialog.getByRole('button', { name: s.button }),
      ...(typed ? { typed } : {}),
      initialFocus: typed ?? keep,
      state: async () => [await sessionState(api, id!)],
      calls: 1,
      finished: () => expect(dialog).toBeHidden({ timeout: 15_000 }),
    };
  },
}));

// ---- session actions, two sessions (bulk bar of the grid) ----

const BULK: readonly {
  action: string;
  method: string;
  bar: string;
  verb: string;
  from: SessionStatus;
}[] = [
  {
    action: 'cancel',
    method: 'CancelSession',
    bar: 'Cancel',
    verb: 'Cancel',
    from: SessionStatus.RUNNING,
  },
  {
    action: 'close',
    method: 'CloseSession',
    bar: 'Close',
    verb: 'Close',
    from: SessionStatus.RUNNING,
  },
  {
    action: 'purge',
    method: 'PurgeSession',
    bar: 'Purge',
    verb: 'Purge',
    from: SessionStatus.CANCELLED,
  },
  {
    action: 'stop submission',
    method: 'StopSubmission',
    bar: 'Stop submission',
    verb: 'Stop submission for',
    from: SessionStatus.RUNNING,
  },
  {
    action: 'delete',
    method: 'DeleteSession',
    bar: 'Delete',
    verb: 'Delete',
    from: SessionStatus.RUNNING,
  },
];

const bulkScenarios: Scenario[] = BULK.map((s) => ({
  name: `${s.action} two sessions`,
  method: s.method,
  async open(page, api) {
    const ids = await sessionsWith(api, s.from, 2);
    await page.goto('/activity');
    await page.goto(`/sessions?${ids.map((id) => `f=sessionId:eq:${id}`).join('&')}`);
    for (const id of ids)
      await expect(page.getByRole('checkbox', { name: `Select session ${id}` })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Select all sessions on this page' }).check();
    const bar = page.getByRole('toolbar', { name: /^Bulk actions for 2 selected sessions/ });
    await bar.getByRole('button', { name: s.bar, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `${s.verb} 2 sessions?` });
    await expect(dialog).toBeVisible();
    const typed =
      s.action === 'delete'
        ? dialog.getByRole('textbox', { name: 'Type delete to confirm' })
        : undefined;
    const keep = dialog.getByRole('button', { name: 'Keep 2 sessions' });
    return {
      dialog,
      keep,
      confirm: dialog.getByRole('button', { name: `${s.verb} 2 sessions` }),
      ...(typed ? { typed } : {}),
      initialFocus: typed ?? keep,
      state: async () => Promise.all(ids.map((id) => sessionState(api, id))),
      calls: 2,
      async finished() {
        const run = page.getByRole('dialog', { name: /: 2 sessions$/ });
        // Enter held down may have closed the report already; if not, it tells every success.
        if (await run.isVisible()) {
          await expect(run.getByRole('status')).toHaveText(
            'Done: 2 succeeded, 0 failed, 0 skipped, 0 not run.',
          );
          await run.getByRole('button', { name: 'Close', exact: true }).click();
        }
      },
    };
  },
}));

// ---- task cancel, one task and two ----

const taskScenarios: Scenario[] = [
  {
    name: 'cancel one task',
    method: 'CancelTasks',
    async open(page, api) {
      const [id] = await tasksWith(api, TaskStatus.SUBMITTED, 1);
      await page.goto('/activity');
      await page.goto(`/tasks/${id}`);
      await page.getByRole('button', { name: 'Cancel task' }).click();
      const dialog = page.getByRole('dialog', { name: 'Cancel tasks?' });
      await expect(dialog).toContainText(id!);
      const keep = dialog.getByRole('button', { name: 'Keep task' });
      return {
        dialog,
        keep,
        confirm: dialog.getByRole('button', { name: 'Cancel task' }),
        initialFocus: keep,
        state: async () => [await taskState(api, id!)],
        calls: 1,
        async finished() {
          const report = page.getByRole('dialog', { name: 'Cancellation report' });
          if (await report.isVisible()) {
            await expect(report).toContainText('Cancelled: 1');
            await report.getByRole('button', { name: 'Close' }).click();
          }
        },
      };
    },
  },
  {
    name: 'cancel two tasks',
    method: 'CancelTasks',
    async open(page, api) {
      await page.goto('/activity');
      await page.goto(`/tasks?f=${encodeURIComponent('status:eq:pending')}`);
      // The tasks grid's rows, whatever role the grid has (table or grid).
      const rows = page
        .getByRole('row')
        .filter({ has: page.getByRole('checkbox', { name: /^Select task / }) });
      await expect(rows.nth(1)).toBeVisible();
      const idOf = async (i: number) =>
        (await rows.nth(i).getByRole('link').first().textContent())!.trim();
      const ids = [await idOf(0), await idOf(1)];
      for (const id of ids) await page.getByRole('checkbox', { name: `Select task ${id}` }).check();
      const bar = page.getByRole('toolbar', { name: 'Selected tasks' });
      await bar.getByRole('button', { name: 'Cancel tasks' }).click();
      const dialog = page.getByRole('dialog', { name: 'Cancel tasks?' });
      await expect(dialog).toContainText('Tasks to cancel: 2.');
      const keep = dialog.getByRole('button', { name: 'Keep 2 tasks' });
      return {
        dialog,
        keep,
        confirm: dialog.getByRole('button', { name: 'Cancel 2 tasks' }),
        initialFocus: keep,
        state: async () => Promise.all(ids.map((id) => taskState(api, id))),
        calls: 1,
        async finished() {
          const report = page.getByRole('dialog', { name: 'Cancellation report' });
          if (await report.isVisible()) {
            await expect(report).toContainText('Cancelled: 2');
            await report.getByRole('button', { name: 'Close' }).click();
          }
        },
      };
    },
  },
];

// ---- this browser's own data: a saved view deleted, a settings file imported ----

/** The grid's preferences and saved views as this browser stores them. */
const storedSettings = (page: Page) =>
  page.evaluate(() => [
    JSON.stringify([
      localStorage.getItem('session-console.grid.sessions.preferences'),
      localStorage.getItem('session-console.grid.sessions.views'),
    ]),
  ]);

async function saveView(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Save current view…' }).click();
  const save = page.getByRole('dialog', { name: 'Save this view' });
  await save.getByRole('textbox', { name: 'Name' }).fill(name);
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();
}

const localScenarios: Scenario[] = [
  {
    name: 'delete a saved view',
    method: 'none',
    async open(page) {
      await page.goto('/activity');
      await page.goto('/sessions');
      await saveView(page, 'Mine');
      await page.getByRole('button', { name: 'Views' }).click();
      await page.getByRole('menuitem', { name: 'Manage views' }).click();
      const manage = page.getByRole('dialog', { name: 'Manage views' });
      await manage.getByRole('button', { name: 'Delete view Mine' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete view “Mine”?' });
      await expect(dialog).toBeVisible();
      const keep = dialog.getByRole('button', { name: 'Keep view' });
      return {
        dialog,
        keep,
        confirm: dialog.getByRole('button', { name: 'Delete view' }),
        initialFocus: keep,
        state: () => storedSettings(page),
        calls: 0,
        async finished() {
          await expect(manage.getByText('No saved view yet.')).toBeVisible();
        },
      };
    },
  },
  {
    name: 'import a settings file',
    method: 'none',
    async open(page) {
      await page.goto('/activity');
      await page.goto('/sessions');
      await saveView(page, 'Mine');
      await page.getByRole('button', { name: 'Views' }).click();
      const downloading = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: 'Export settings' }).click();
      const stream = await (await downloading).createReadStream();
      const exported = JSON.parse(Buffer.concat(await stream.toArray()).toString());
      const file = {
        ...exported,
        preferences: { ...exported.preferences, pageSize: 50 },
        views: [{ id: 'imported-1', name: 'Imported', params: { sort: 'createdAt:asc' } }],
      };
      await page.getByRole('button', { name: 'Views' }).click();
      const choosing = page.waitForEvent('filechooser');
      await page.getByRole('menuitem', { name: 'Import settings…' }).click();
      await (
        await choosing
      ).setFiles({
        name: 'team.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      const dialog = page.getByRole('dialog', { name: 'Import these settings?' });
      // The preview names what will change before anything does.
      await expect(dialog.getByRole('listitem')).toHaveText(['Adds “Imported”', 'Removes “Mine”']);
      const keep = dialog.getByRole('button', { name: 'Keep current settings' });
      return {
        dialog,
        keep,
        confirm: dialog.getByRole('button', { name: 'Import settings' }),
        initialFocus: keep,
        state: () => storedSettings(page),
        calls: 0,
        async finished() {
          await expect(page.getByText('Settings imported')).toBeVisible();
        },
      };
    },
  },
];

for (const scenario of [
  ...singleScenarios,
  ...bulkScenarios,
  ...taskScenarios,
  ...localScenarios,
]) {
  test.describe(`${scenario.name}: every way out`, () => {
    for (const way of WAYS) {
      if (way.single && !scenario.shortcut) continue;
      test(way.name, async ({ page, baseURL }) => {
        const api = clusterClients(baseURL);
        const calls = countCalls(page, scenario.method);
        let opened: Opened;
        if (way.single) {
          // Open from the shortcut instead of the button.
          opened = await scenario.open(page, api);
          await opened.keep.click();
          await expect(opened.dialog).toBeHidden();
          await page.locator('body').focus();
          await page.keyboard.press(scenario.shortcut!);
          await expect(opened.dialog).toBeVisible();
        } else {
          opened = await scenario.open(page, api);
        }
        const before = await opened.state();
        const outcome = await way.run(page, opened, scenario);
        if (outcome === 'dismissed') {
          // The cluster's own answer, read after the way out: nothing changed, nothing was sent.
          await consoleIdle(page);
          expect(await opened.state()).toEqual(before);
          expect(calls()).toBe(0);
        } else {
          // Every target changed on the cluster, then: one call per target, no more.
          await expect
            .poll(async () => (await opened.state()).filter((s, i) => s === before[i]), {
              timeout: 15_000,
            })
            .toEqual([]);
          await opened.finished();
          await consoleIdle(page);
          expect(calls()).toBe(opened.calls);
        }
      });
    }
  });
}
