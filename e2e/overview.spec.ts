import { type Page } from '@playwright/test';
import { expect, test } from './test';
import { readFileSync } from 'node:fs';

import { FilterStringOperator } from '../proto/gen/armonik/api/grpc/v1/filters_common_pb';
import { SessionStatus } from '../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../proto/gen/armonik/api/grpc/v1/task_status_pb';
import {
  TaskOptionEnumField,
  TaskSummaryEnumField,
} from '../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import { SESSION_ORDER, clusterClients, sessionsInStatus, taskStringIs } from './cluster';

/**
 * The overview on the still e2e cluster (seed 7, no simulation). Other journeys act on the same
 * cluster, so every number is compared with what the server answers at the time, never a constant.
 */
const en = JSON.parse(readFileSync('src/app/i18n/en.json', 'utf8'));
const number = (n: number) => n.toLocaleString('en-US');

async function openOverview(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
}

test.describe('overview', () => {
  test('opens at / and shows the cluster’s counts as the server reports them, each a link', async ({
    page,
    baseURL,
  }) => {
    const api = clusterClients(baseURL);
    await openOverview(page);
    const { status } = await api.tasks.countTasksByStatus({ filters: { or: [] } });
    const now = page.getByRole('region', { name: 'Now' });
    for (const { status: s, count } of status.filter((entry) => entry.count > 0)) {
      const key = TaskStatus[s]!.toLowerCase();
      const label = en.tasks.status[key];
      await expect(
        now.getByRole('link', {
          name: `${number(count)} tasks ${label} in the whole cluster`,
          exact: true,
        }),
      ).toHaveAttribute('href', `/tasks?f=status:eq:${key}`);
    }
    for (const key of ['running', 'paused', 'closed', 'cancelled', 'purged'] as const) {
      const { total } = await api.sessions.listSessions({
        page: 0,
        pageSize: 0,
        filters: sessionsInStatus(SessionStatus[key.toUpperCase() as 'RUNNING']),
        sort: SESSION_ORDER.oldest,
      });
      await expect(
        now.getByRole('link', {
          name: `${number(total)} sessions ${en.sessions.status[key]}`,
          exact: true,
        }),
      ).toHaveAttribute('href', `/sessions?f=status:eq:${key}`);
    }
    // A number opens the grid view that produced it.
    const completed = status.find((entry) => entry.status === TaskStatus.COMPLETED)!.count;
    await now
      .getByRole('link', { name: `${number(completed)} tasks Completed in the whole cluster` })
      .click();
    await expect(page).toHaveURL(/\/tasks\?f=status:eq:completed/);
    // The grid's total says the same number.
    await expect(page.getByText(new RegExp(`^${number(completed)} `)).first()).toBeVisible();

    // Partitions at a glance: one row per partition, its numbers linking to its tasks.
    await openOverview(page, '/overview');
    const partitions = page.getByRole('table', {
      name: 'Tasks by status group for each partition',
    });
    await expect(partitions.getByRole('row')).not.toHaveCount(1);
    const first = partitions.getByRole('row').nth(1);
    const partition = (await first.getByRole('rowheader').textContent())!.trim();
    await expect(
      first.getByRole('link', { name: new RegExp(`tasks Completed in ${partition}$`) }),
    ).toHaveAttribute(
      'href',
      new RegExp(`/tasks\\?f=partitionId:eq:${partition};status:eq:completed`),
    );
  });

  test('a line added with a filter shows that filter’s counts and opens the tasks grid with it', async ({
    page,
    baseURL,
  }) => {
    const api = clusterClients(baseURL);
    const { sessions } = await api.sessions.listSessions({
      page: 0,
      pageSize: 1,
      filters: { or: [] },
      sort: SESSION_ORDER.oldest,
    });
    const app = sessions[0]!.options!.applicationName;
    await openOverview(page, '/overview');
    const lines = page.getByRole('region', { name: 'Lines' });

    // Cancel and Escape add nothing.
    await lines.getByRole('button', { name: 'Add line' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await lines.getByRole('button', { name: 'Add line' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(lines.getByText('No lines yet')).toBeVisible();

    await lines.getByRole('button', { name: 'Add line' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a line' });
    const save = dialog.getByRole('button', { name: 'Save line' });
    await expect(save).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('My app');
    await dialog.getByRole('button', { name: 'Add condition' }).click();
    await expect(save).toBeDisabled(); // an empty value is not a filter
    await dialog
      .getByRole('group', { name: 'Condition 1' })
      .getByRole('textbox', { name: 'Value' })
      .fill(app);
    await save.click();
    await expect(dialog).toHaveCount(0);

    const line = lines.getByRole('region', { name: 'My app' });
    const { status } = await api.tasks.countTasksByStatus({
      filters: {
        or: [
          {
            and: [
              {
                field: {
                  field: {
                    case: 'taskOptionField',
                    value: { field: TaskOptionEnumField.APPLICATION_NAME },
                  },
                },
                valueCondition: {
                  case: 'filterString',
                  value: { value: app, operator: FilterStringOperator.CONTAINS },
                },
              },
            ],
          },
        ],
      },
    });
    const of = (statuses: TaskStatus[]) =>
      status
        .filter((entry) => statuses.includes(entry.status))
        .reduce((n, entry) => n + entry.count, 0);
    await expect(
      line.getByRole('link', {
        name: `${number(of([TaskStatus.COMPLETED]))} tasks Completed in My app`,
        exact: true,
      }),
    ).toHaveAttribute(
      'href',
      // the condition editor's default string operator: contains
      `/tasks?f=applicationName:has:${app};status:eq:completed`,
    );
    await expect(
      line.getByRole('link', {
        name: `${number(of([TaskStatus.ERROR, TaskStatus.TIMEOUT, TaskStatus.RETRIED]))} tasks Failed in My app`,
        exact: true,
      }),
    ).toBeVisible();

    // Kept in the preferences: a reload shows it again; the grid link carries its filter.
    await page.reload();
    await line.getByRole('link', { name: 'Open in the tasks grid' }).click();
    await expect(page).toHaveURL(
      new RegExp(`/tasks\\?f=applicationName:has:${app.replaceAll('.', '\\.')}(&|$)`),
    );
    const total = status.reduce((n, entry) => n + entry.count, 0);
    await expect(page.getByText(new RegExp(`^${number(total)} `)).first()).toBeVisible();

    // Remove, then Undo puts it back; remove again and it stays gone after a reload.
    await openOverview(page, '/overview');
    await lines.getByRole('button', { name: 'Remove My app' }).click();
    await expect(line).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(line).toBeVisible();
    await lines.getByRole('button', { name: 'Remove My app' }).click();
    await page.reload();
    await expect(lines.getByText('No lines yet')).toBeVisible();
  });

  test('a stalled seeded session appears under Stuck with its reason and a working link', async ({
    page,
    baseURL,
  }) => {
    const api = clusterClients(baseURL);
    await openOverview(page);
    const stuck = page.getByRole('region', { name: /^Stuck \(\d+\)$/ });
    const item = stuck.getByRole('listitem').first();
    await expect(item).toContainText(/\d+ tasks waiting, none finished (for|since it opened)/);
    const id = (await item.getByRole('link', { name: /^[0-9a-f]{8}-/ }).textContent())!.trim();

    // The server agrees: Running, tasks waiting, and its last task ended over 10 minutes ago.
    const { session } = await api.sessions.getSession({ sessionId: id });
    expect(session!.status).toBe(SessionStatus.RUNNING);
    const { status } = await api.tasks.countTasksByStatus({
      filters: { or: [{ and: [taskStringIs(TaskSummaryEnumField.SESSION_ID, id)] }] },
    });
    const waiting = status
      .filter((s) =>
        [TaskStatus.PENDING, TaskStatus.SUBMITTED, TaskStatus.DISPATCHED].includes(s.status),
      )
      .reduce((n, s) => n + s.count, 0);
    expect(waiting).toBeGreaterThan(0);
    const { tasks } = await api.tasks.listTasks({
      page: 0,
      pageSize: 1,
      filters: { or: [{ and: [taskStringIs(TaskSummaryEnumField.SESSION_ID, id)] }] },
      sort: {
        field: {
          field: { case: 'taskSummaryField', value: { field: TaskSummaryEnumField.ENDED_AT } },
        },
        direction: 2,
      },
    });
    const ended = tasks[0]?.endedAt ? Number(tasks[0].endedAt.seconds) * 1000 : 0;
    expect(Date.now() - ended).toBeGreaterThan(10 * 60_000);

    await expect(item.getByRole('button', { name: `Pause session ${id}` })).toBeVisible();
    await item.getByRole('link', { name: 'See waiting tasks' }).click();
    await expect(page).toHaveURL(
      new RegExp(
        `/tasks\\?f=sessionId:eq:${id};status:eq:creating,pending,submitted,dispatched,paused`,
      ),
    );
    await page.goBack();
    await page
      .getByRole('region', { name: /^Stuck/ })
      .getByRole('link', { name: id })
      .click();
    await expect(page).toHaveURL(new RegExp(`/sessions/${id}$`));
    await expect(page.getByRole('heading', { level: 1, name: `Session ${id}` })).toBeVisible();
    // The same progress figures, for this session, on its inspection page.
    const progress = page.getByRole('region', { name: 'Progress' });
    await expect(progress.getByRole('img', { name: /^Progress of this session/ })).toBeVisible();
    await expect(progress.getByText(/^ETA: measuring|^No progress/)).toBeVisible();
  });

  test('acts from the list with the usual rules: Pause at once with Undo, Cancel only once confirmed', async ({
    page,
    baseURL,
  }) => {
    const api = clusterClients(baseURL);
    await openOverview(page);
    const stuck = page.getByRole('region', { name: /^Stuck \(\d+\)$/ });
    const first = stuck.getByRole('listitem').first();
    const id = (await first.getByRole('link', { name: /^[0-9a-f]{8}-/ }).textContent())!.trim();
    const status = async () => (await api.sessions.getSession({ sessionId: id })).session!.status;

    // Cancel confirms first; Escape backs out and nothing reaches the server.
    await first.getByRole('button', { name: `Cancel session ${id}` }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await status()).toBe(SessionStatus.RUNNING);

    // Pause acts at once: the server pauses it and it leaves "Stuck"; Undo resumes it.
    await first.getByRole('button', { name: `Pause session ${id}` }).click();
    await expect.poll(status).toBe(SessionStatus.PAUSED);
    await expect(stuck.getByRole('link', { name: id })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(status).toBe(SessionStatus.RUNNING);
    await expect(stuck.getByRole('link', { name: id })).toBeVisible();
  });

  test('speaks French', async ({ page }) => {
    await openOverview(page, '/overview');
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(page.getByRole('heading', { level: 1, name: "Vue d'ensemble" })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Bloquées \(\d+\)$/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ajouter une ligne' })).toBeVisible();
    await page.getByRole('button', { name: 'Langue' }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  });
});
