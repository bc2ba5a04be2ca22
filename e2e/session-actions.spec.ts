import { type Page } from '@playwright/test';
import { expect, test } from './test';

import { SessionStatus } from '../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { type ClusterClients, clusterClients, sessionsIn, tasksOfSession } from './cluster';

/** Running sessions, by id; with `withOpenTasks`, only those that still have unfinished tasks. */
async function runningSessions(api: ClusterClients, withOpenTasks = false): Promise<string[]> {
  const sessions = await sessionsIn(api, SessionStatus.RUNNING, 'byId', 100);
  const ids = sessions
    .filter((s) => s.clientSubmission || s.workerSubmission)
    .map((s) => s.sessionId);
  if (!withOpenTasks) return ids;
  const open: string[] = [];
  for (const id of ids) {
    const { status } = await api.tasks.countTasksByStatus({ filters: tasksOfSession(id) });
    if (
      status.some(
        (s) => [TaskStatus.SUBMITTED, TaskStatus.DISPATCHED].includes(s.status) && s.count > 0,
      )
    )
      open.push(id);
    if (open.length >= 3) break;
  }
  return open;
}

function actions(page: Page) {
  return page.getByRole('group', { name: 'Session actions' });
}

/** The header's live status: the chip and "Active"/"Finished". */
function statusChip(page: Page, status: string) {
  return page.getByRole('status', { name: 'Session status' }).getByText(status, { exact: true });
}

test.describe('session actions on the inspection page', () => {
  test('pause then resume a running session, and Undo from the notification', async ({
    page,
    baseURL,
  }) => {
    const api = clusterClients(baseURL);
    const [id] = await runningSessions(api);
    await page.goto(`/sessions/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Session ${id}` })).toBeVisible();
    await expect(statusChip(page, 'Running')).toBeVisible();

    // Pause acts at once (reversible), and reports only once the server has answered.
    await actions(page).getByRole('button', { name: 'Pause session' }).click();
    await expect(page.getByText(`Session ${id} paused.`)).toBeVisible();
    await expect(statusChip(page, 'Paused')).toBeVisible();
    expect((await api.sessions.getSession({ sessionId: id })).session?.status).toBe(
      SessionStatus.PAUSED,
    );

    // Undo from the notification resumes it.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText(`Session ${id} resumed.`)).toBeVisible();
    await expect(statusChip(page, 'Running')).toBeVisible();

    // And the plain buttons again: pause, then resume.
    await actions(page).getByRole('button', { name: 'Pause session' }).click();
    await expect(statusChip(page, 'Paused')).toBeVisible();
    await actions(page).getByRole('button', { name: 'Resume session' }).click();
    await expect(statusChip(page, 'Running')).toBeVisible();
    expect((await api.sessions.getSession({ sessionId: id })).session?.status).toBe(
      SessionStatus.RUNNING,
    );

    // Every call is in the journal, on this page and on /activity.
    const journal = page.getByRole('table', { name: 'Activity from this browser' });
    await expect(journal.getByRole('row')).toHaveCount(5); // header + 4 actions
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Activity' })
      .click();
    await expect(
      page.getByRole('table', { name: 'Activity' }).getByRole('link', { name: id }),
    ).toHaveCount(4);
    // A filter that matches nothing says so; the journal is not empty.
    await page.getByRole('textbox', { name: 'Search (session, user, message)' }).fill('no-such-x');
    await expect(page.getByText('No entry matches these filters.')).toBeVisible();
    await expect(page.getByText('No action recorded yet.')).toHaveCount(0);
  });

  test('cancel arms its confirm button only after 3 seconds, and Escape changes nothing', async ({
    page,
    baseURL,
  }) => {
    const api = clusterClients(baseURL);
    const [id] = await runningSessions(api, true);
    await page.goto(`/sessions/${id}`);
    await actions(page).getByRole('button', { name: 'Cancel session' }).click();

    const dialog = page.getByRole('dialog', { name: 'Cancel this session?' });
    await expect(dialog).toBeVisible();
    await expect(
      dialog.getByText('A cancelled session cannot be resumed or reopened'),
    ).toBeVisible();
    // The impact preview, from CountTasksByStatus.
    await expect(dialog.getByText(/Cancels [\d,]+ unfinished tasks/)).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Cancel session' });
    await expect(confirm).toBeDisabled();
    await expect(dialog.getByRole('timer')).toHaveText(/Confirmation is available in [1-3] s/);

    // Escape leaves everything unchanged.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect((await api.sessions.getSession({ sessionId: id })).session?.status).toBe(
      SessionStatus.RUNNING,
    );

    await actions(page).getByRole('button', { name: 'Cancel session' }).click();
    const started = Date.now();
    await expect(confirm).toBeDisabled();
    await expect(confirm).toBeEnabled({ timeout: 5_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
    await confirm.click();

    await expect(page.getByText(`Session ${id} cancelled.`)).toBeVisible();
    await expect(statusChip(page, 'Cancelled')).toBeVisible();
    expect((await api.sessions.getSession({ sessionId: id })).session?.status).toBe(
      SessionStatus.CANCELLED,
    );
  });

  test('delete arms only once "delete" is typed', async ({ page, baseURL }) => {
    const api = clusterClients(baseURL);
    const [id] = await runningSessions(api);
    if (id === undefined) throw new Error('the seed has no running session');
    await page.goto(`/sessions/${id}`);
    await actions(page).getByRole('button', { name: 'Delete session' }).click();

    const dialog = page.getByRole('dialog', { name: 'Delete this session?' });
    await expect(
      dialog.getByText('The session, its tasks and results will be removed'),
    ).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Delete session' });
    const field = dialog.getByRole('textbox', { name: 'Type delete to confirm' });
    await expect(confirm).toBeDisabled();
    await field.fill('Delete');
    await expect(confirm).toBeDisabled();
    await field.fill('delet');
    await expect(confirm).toBeDisabled();
    await field.fill('delete');
    await expect(confirm).toBeEnabled();
    await confirm.click();

    await expect(page.getByText(`Session ${id} deleted.`)).toBeVisible();
    await expect(
      page.getByText('This session was deleted: it no longer exists on the cluster.'),
    ).toBeVisible();
    await expect(api.sessions.getSession({ sessionId: id })).rejects.toThrow(/not found/i);

    // Afterwards the id is unknown: a clear not-found page with a way back.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(page.getByText(id)).toBeVisible();
    await page.getByRole('link', { name: 'Back to sessions' }).click();
    await expect(page).toHaveURL(/\/sessions(\?|$)/);
  });

  test('purge is not offered while running, and is offered once closed', async ({
    page,
    baseURL,
  }) => {
    const api = clusterClients(baseURL);
    const [id] = await runningSessions(api);
    await page.goto(`/sessions/${id}`);
    await expect(actions(page).getByRole('button', { name: 'Close session' })).toBeVisible();
    await expect(actions(page).getByRole('button', { name: 'Purge session' })).toHaveCount(0);

    await actions(page).getByRole('button', { name: 'Close session' }).click();
    const close = page.getByRole('dialog', { name: 'Close this session?' });
    await expect(
      close.getByText('A closed session cannot be reopened; its results stay available.'),
    ).toBeVisible();
    await close.getByRole('button', { name: 'Close session' }).click({ timeout: 6_000 });
    await expect(statusChip(page, 'Closed')).toBeVisible();

    await actions(page).getByRole('button', { name: 'Purge session' }).click();
    const purge = page.getByRole('dialog', { name: 'Purge this session?' });
    await expect(purge.getByText("Purge removes the results' data; metadata stays.")).toBeVisible();
    await purge.getByRole('button', { name: 'Purge session' }).click({ timeout: 6_000 });
    await expect(statusChip(page, 'Purged')).toBeVisible();
    await expect(actions(page).getByRole('button')).toHaveText([/Delete session/]);
  });

  test('a refusal shows the server reason and the true state', async ({ page, baseURL }) => {
    const api = clusterClients(baseURL);
    const [id] = await runningSessions(api);
    await page.goto(`/sessions/${id}`);
    await expect(statusChip(page, 'Running')).toBeVisible();
    // Someone else closes the session behind the console's back.
    await api.sessions.closeSession({ sessionId: id });
    await actions(page).getByRole('button', { name: 'Pause session' }).click();
    await expect(
      page.getByText(/Could not pause session .*Not allowed in the current state: .*Closed/),
    ).toBeVisible();
    await expect(statusChip(page, 'Closed')).toBeVisible();
  });

  test('a deadline is not a failure: the true outcome is read back from the session', async ({
    page,
    baseURL,
  }) => {
    const api = clusterClients(baseURL);
    const [id] = await runningSessions(api);
    // A 2 s deadline, and a link that loses Pause's answer: the server gets the call and applies
    // it, but the console hears nothing before its deadline. Reads of the session wait until the
    // server has applied the call, so on a busy machine the console cannot read it first.
    await page.route('**/config.json', (route) =>
      route.fulfill({ json: { apiBaseUrl: '', callTimeoutMs: 2_000, grpcEndpoint: '' } }),
    );
    let pauseApplied: Promise<unknown> | undefined;
    await page.route('**/PauseSession', async (route) => {
      const forwarded = route.fetch();
      pauseApplied = forwarded;
      const response = await forwarded;
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await route.fulfill({ response }).catch(() => undefined);
    });
    await page.route('**/GetSession', async (route) => {
      await pauseApplied;
      await route.continue().catch(() => undefined);
    });
    await page.goto(`/sessions/${id}`);
    await expect(statusChip(page, 'Running')).toBeVisible();
    await actions(page).getByRole('button', { name: 'Pause session' }).click();

    // Not "Could not pause": the session is read again and tells what happened.
    await expect(
      page.getByText(
        `Session ${id} paused. (There was no answer in time; reading the session again shows it was applied.)`,
      ),
    ).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(/Could not pause/)).toHaveCount(0);
    await expect(statusChip(page, 'Paused')).toBeVisible();
    expect((await api.sessions.getSession({ sessionId: id })).session?.status).toBe(
      SessionStatus.PAUSED,
    );
    // The journal entry, first "unknown", now says what the session showed.
    const journal = page.getByRole('table', { name: 'Activity from this browser' });
    const entry = journal.getByRole('row').filter({ hasText: 'Pause session' });
    await expect(entry).toContainText('Succeeded');
    await expect(entry).toContainText('found by reading the session again');
    await api.sessions.resumeSession({ sessionId: id! });
  });
});
