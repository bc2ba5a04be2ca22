import { expect, test } from './test';

import { SessionStatus } from '../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type ControlPlane, startControlPlane } from '../server/control-plane';
import { clusterClients, sessionsIn } from './cluster';

/**
 * A read-only user (the control plane started with `permissions: 'read-only'`, the same build)
 * is told so, sees each action it may not take disabled with the reason, and a refused shortcut
 * says why — and nothing reaches the cluster.
 */
let plane: ControlPlane;

test.beforeAll(async () => {
  plane = await startControlPlane({
    port: 0,
    seed: 7,
    simulation: false,
    permissions: 'read-only',
    username: 'auditor',
    staticDir: `${process.env['E2E_DIST'] ?? 'dist/session-console'}/browser`,
  });
});
test.afterAll(async () => plane?.close());

async function runningSession(): Promise<string> {
  const [session] = await sessionsIn(clusterClients(plane.url), SessionStatus.RUNNING, 'byId', 1);
  if (!session) throw new Error('the read-only cluster has no running session');
  return session.sessionId;
}

test.describe('a read-only user', () => {
  test('is told so in the shell, with the permissions GetCurrentUser listed', async ({ page }) => {
    await page.goto(`${plane.url}/sessions`);
    const badge = page.getByRole('note', { name: /^Read-only access/ });
    await expect(badge).toBeVisible();
    await expect(badge).toContainText('Read-only');
    await expect(badge).toHaveAccessibleName(/Sessions:ListSessions/);
  });

  test('sees every action disabled with the reason, and a shortcut says why it does nothing', async ({
    page,
  }) => {
    const id = await runningSession();
    const mutations: string[] = [];
    page.on('request', (request) => {
      if (/\/(Pause|Cancel|Close|Purge|Delete)Session$|\/StopSubmission$/.test(request.url()))
        mutations.push(request.url());
    });
    await page.goto(`${plane.url}/sessions/${id}`);
    const actions = page.getByRole('group', { name: 'Session actions' });
    const cancel = actions.getByRole('button', { name: 'Cancel session' });
    await expect(cancel).toBeDisabled();
    await expect(cancel).toHaveAccessibleDescription(
      'Your account may not cancel sessions: it lacks the permission Sessions:CancelSession.',
    );
    // The status chip's description no longer promises what this user may not do.
    await expect(
      page.getByRole('status', { name: 'Session status' }).locator('[aria-description]'),
    ).toHaveAttribute('aria-description', /running\. No action remains/);

    // A refused shortcut says why.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('c');
    await expect(
      page.getByText(
        'Key c: Your account may not cancel sessions: it lacks the permission Sessions:CancelSession.',
      ),
    ).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(mutations).toEqual([]);
  });

  test('the row menu shows the actions disabled with the reason', async ({ page }) => {
    const id = await runningSession();
    await page.goto(`${plane.url}/sessions?f=sessionId:eq:${id}`);
    await page.getByRole('button', { name: `Actions for session ${id}` }).click();
    const pause = page.getByRole('menuitem', { name: /Pause session/ });
    await expect(pause).toBeDisabled();
    await expect(pause).toContainText('lacks the permission Sessions:PauseSession');
  });
});
