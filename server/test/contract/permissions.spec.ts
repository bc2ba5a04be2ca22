/**
 * Permissions: a read-only control plane lists and reads but refuses every action with
 * PERMISSION_DENIED, and says so in GetCurrentUser; an explicit permission list is honoured.
 * (Two small instances in this file: the permission set is fixed when the server starts.)
 */
import {
  first,
  EMPTY_FILTERS,
  failure,
  listAll,
  PARTITIONS,
  SESSIONS,
  TASKS,
  TEST_TIMEOUT_MS,
  validListRequest,
  useCluster,
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
  const { c } = useCluster({ permissions: 'read-only', sessions: 20, tasks: 400 });

  it('GetCurrentUser lists the read permissions and none of the actions', async () => {
    const { user } = await c.auth.GetCurrentUser({});
    expect(user.permissions).toEqual(expect.arrayContaining(READS));
    expect(user.permissions.filter((p) => ACTIONS.includes(p))).toEqual([]);
  });

  it('lists and reads sessions and tasks', async () => {
    const sessions = await listAll(c, SESSIONS);
    expect(sessions.total).toBeGreaterThan(0);
    const listed = first(sessions.rows, 'a session');
    const { session } = await c.sessions.GetSession({ session_id: listed.session_id });
    expect(session.session_id).toBe(listed.session_id);
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
    const before = first((await listAll(c, SESSIONS)).rows);
    expect((await failure(c.sessions[rpc]({ session_id: before.session_id }))).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await c.sessions.GetSession({ session_id: before.session_id })).session).toEqual(
      before,
    );
  });

  it('StopSubmission, CreateSession and CancelTasks are PERMISSION_DENIED', async () => {
    const session = first((await listAll(c, SESSIONS)).rows);
    const task = first((await listAll(c, TASKS)).rows);
    const partition = first((await listAll(c, PARTITIONS)).rows).id;
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
  const GRANTED = ['Sessions:ListSessions', 'Sessions:PauseSession'];
  const { c } = useCluster({
    permissions: GRANTED,
    username: 'alice',
    sessions: 10,
    tasks: 100,
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
    const id = (running ?? first(listing.sessions, 'a session')).session_id;
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
