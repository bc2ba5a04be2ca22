/**
 * Permissions: a read-only control plane lists and reads but refuses every action with
 * PERMISSION_DENIED, and says so in GetCurrentUser; an explicit permission list is honoured.
 * (Two small instances in this file: the permission set is fixed when the server starts.)
 */
import {
  ControlPlane,
  EMPTY_FILTERS,
  failure,
  listAll,
  NativeClients,
  nativeClients,
  PARTITIONS,
  SESSIONS,
  startCluster,
  TASKS,
  TEST_TIMEOUT_MS,
  validListRequest,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

const ACTIONS = [
  'Sessions:CancelSession',
  'Sessions:PauseSession',
  'Sessions:ResumeSession',
  'Sessions:CloseSession',
  'Sessions:PurgeSession',
  'Sessions:DeleteSession',
  'Sessions:StopSubmission',
  'Sessions:CreateSession',
  'Tasks:CancelTasks',
];

const READS = [
  'Sessions:ListSessions',
  'Sessions:GetSession',
  'Tasks:ListTasks',
  'Tasks:GetTask',
  'Tasks:CountTasksByStatus',
  'Results:ListResults',
  'Partitions:ListPartitions',
  'Applications:ListApplications',
];

describe('a read-only control plane', () => {
  let cluster: ControlPlane;
  let c: NativeClients;

  beforeAll(async () => {
    cluster = await startCluster({ permissions: 'read-only', sessions: 20, tasks: 400 });
    c = nativeClients(cluster.port);
  });

  afterAll(async () => {
    c?.close();
    await cluster?.close();
  });

  it('GetCurrentUser lists the read permissions and none of the actions', async () => {
    const { user } = await c.auth.GetCurrentUser({});
    expect(user.permissions).toEqual(expect.arrayContaining(READS));
    expect(user.permissions.filter((p) => ACTIONS.includes(p))).toEqual([]);
  });

  it('lists and reads sessions and tasks', async () => {
    const sessions = await listAll(c, SESSIONS);
    expect(sessions.total).toBeGreaterThan(0);
    const { session } = await c.sessions.GetSession({ session_id: sessions.rows[0].session_id });
    expect(session.session_id).toBe(sessions.rows[0].session_id);
    expect((await listAll(c, TASKS)).total).toBeGreaterThan(0);
    expect(
      (await c.tasks.CountTasksByStatus({ filters: EMPTY_FILTERS })).status.length,
    ).toBeGreaterThan(0);
  });

  it.each([
    ['PauseSession'],
    ['ResumeSession'],
    ['CancelSession'],
    ['CloseSession'],
    ['PurgeSession'],
    ['DeleteSession'],
  ] as const)('%s is PERMISSION_DENIED and changes nothing', async (rpc) => {
    const before = (await listAll(c, SESSIONS)).rows[0];
    expect((await failure(c.sessions[rpc]({ session_id: before.session_id }))).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await c.sessions.GetSession({ session_id: before.session_id })).session).toEqual(
      before,
    );
  });

  it('StopSubmission, CreateSession and CancelTasks are PERMISSION_DENIED', async () => {
    const session = (await listAll(c, SESSIONS)).rows[0];
    const task = (await listAll(c, TASKS)).rows[0];
    const partition = (await listAll(c, PARTITIONS)).rows[0].id;
    expect(
      (await failure(c.sessions.StopSubmission({ session_id: session.session_id, client: true })))
        .code,
    ).toBe('PERMISSION_DENIED');
    expect(
      (
        await failure(
          c.sessions.CreateSession({
            default_task_option: { partition_id: partition },
            partition_ids: [partition],
          }),
        )
      ).code,
    ).toBe('PERMISSION_DENIED');
    expect((await failure(c.tasks.CancelTasks({ task_ids: [task.id] }))).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await c.tasks.GetTask({ task_id: task.id })).task.status).toBe(task.status);
  });

  it('permission is checked before the session is looked up (no existence leak)', async () => {
    expect((await failure(c.sessions.PauseSession({ session_id: 'no-such-session' }))).code).toBe(
      'PERMISSION_DENIED',
    );
  });
});

describe('a control plane with an explicit permission list and user name', () => {
  let cluster: ControlPlane;
  let c: NativeClients;
  const GRANTED = ['Sessions:ListSessions', 'Sessions:PauseSession'];

  beforeAll(async () => {
    cluster = await startCluster({
      permissions: GRANTED,
      username: 'alice',
      sessions: 10,
      tasks: 100,
    });
    c = nativeClients(cluster.port);
  });

  afterAll(async () => {
    c?.close();
    await cluster?.close();
  });

  it('GetCurrentUser names the user and exactly the granted permissions', async () => {
    const { user } = await c.auth.GetCurrentUser({});
    expect(user.username).toBe('alice');
    expect([...user.permissions].sort()).toEqual([...GRANTED].sort());
  });

  it('granted RPCs work, others are PERMISSION_DENIED', async () => {
    const listing = await c.sessions.ListSessions(validListRequest(SESSIONS));
    expect(listing.total).toBeGreaterThan(0);
    const running = listing.sessions.find((s) => s.status === 'SESSION_STATUS_RUNNING');
    const id = (running ?? listing.sessions[0]).session_id;
    expect((await failure(c.sessions.GetSession({ session_id: id }))).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await failure(c.sessions.CancelSession({ session_id: id }))).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await failure(c.tasks.ListTasks(validListRequest(TASKS)))).code).toBe(
      'PERMISSION_DENIED',
    );
    if (running) {
      const { session } = await c.sessions.PauseSession({ session_id: id });
      expect(session.status).toBe('SESSION_STATUS_PAUSED');
    }
  });
});
