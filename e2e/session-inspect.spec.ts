import { expect, test } from './test';

import { SessionStatus } from '../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type ClusterClients, clusterClients, sessionsIn } from './cluster';

async function firstRunning(client: ClusterClients): Promise<string> {
  const [session] = await sessionsIn(client, SessionStatus.RUNNING, 'newest', 1);
  if (!session) throw new Error('the e2e cluster has no running session');
  return session.sessionId;
}

test.describe('session inspection page', () => {
  test('shows every section of a session', async ({ page, baseURL }) => {
    const id = await firstRunning(clusterClients(baseURL));
    await page.goto(`/sessions/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Session ${id}` })).toBeVisible();
    for (const name of [
      'Lifecycle',
      'Tasks by status',
      'Connect',
      'Live events',
      'Activity from this browser',
    ])
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    await expect(page.getByText('Active', { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Task options', exact: true })).toBeVisible();
    // Connect: a copyable snippet naming this session.
    await expect(
      page.getByRole('region', { name: 'Connect' }).getByText(`SESSION_ID = "${id}"`),
    ).toBeVisible();
    await page.getByRole('radio', { name: 'grpcurl' }).click();
    await expect(page.getByText('armonik.api.grpc.v1.tasks.Tasks/SubmitTasks')).toBeVisible();
    // Tasks by status: each bar opens the tasks grid filtered on the session and that status.
    const bar = page
      .getByRole('list', { name: /^Tasks by status/ })
      .getByRole('link')
      .first();
    await expect(bar).toHaveAttribute(
      'href',
      new RegExp(`/tasks\\?f=sessionId(:|%3A)eq(:|%3A)${id}`),
    );
    await expect(page.getByRole('link', { name: 'See tasks' })).toBeVisible();
  });

  test('shows events arriving live', async ({ page, baseURL }) => {
    const client = clusterClients(baseURL);
    const id = await firstRunning(client);
    await page.goto(`/sessions/${id}`);
    await expect(page.getByText(/Listening for events/)).toBeVisible();
    await expect(page.getByText('No event yet.', { exact: false })).toBeVisible();

    // Another client pauses the session: its queued tasks move to Paused, live.
    await client.sessions.pauseSession({ sessionId: id });
    const events = page.getByRole('list', { name: 'Session events, newest first' });
    await expect(events.getByRole('listitem').first()).toBeVisible();
    await expect(events.getByRole('listitem').first()).toContainText('Task status');
    const paused = await events.getByRole('listitem').count();
    expect(paused).toBeGreaterThan(0);

    // Pausing the display keeps collecting; resuming shows what arrived meanwhile.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await client.sessions.resumeSession({ sessionId: id });
    await expect(page.getByRole('button', { name: /^Resume \([1-9]\d* new\)$/ })).toBeVisible();
    await expect(events.getByRole('listitem')).toHaveCount(paused);
    await page.getByRole('button', { name: /^Resume \(/ }).click();
    await expect.poll(() => events.getByRole('listitem').count()).toBeGreaterThan(paused);

    // The type filter hides task status changes.
    await page.getByRole('button', { name: 'Task status', exact: true }).click();
    await expect(events.getByRole('listitem').filter({ hasText: 'Task status' })).toHaveCount(0);
  });

  test('an unknown id shows a clear not-found page with a link back to the grid', async ({
    page,
  }) => {
    await page.goto('/sessions/no-such-session');
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(
      page.getByText('No session with id “no-such-session” exists on this cluster.'),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Back to sessions' }).click();
    await expect(page).toHaveURL(/\/sessions(\?|$)/);
  });
});
