/**
 * The session lifecycle: every transition of the table in armonik-api.md, allowed and refused,
 * with the resulting status, timestamps, submission flags, error codes and Core's wording, and
 * the effects each action has on the session's tasks and results.
 */
import {
  first,
  bySession,
  condition,
  failure,
  filtersOf,
  isTaskFinal,
  listAll,
  millis,
  NativeClients,
  nanos,
  PARTITIONS,
  RESULTS,
  ResultRaw,
  SessionRaw,
  SESSIONS,
  sessionField,
  TASKS,
  TaskSummary,
  TEST_TIMEOUT_MS,
  eventually,
  useCluster,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

const { c } = useCluster();
let partition: string;

beforeAll(async () => {
  partition = first((await listAll(c, PARTITIONS)).rows).id;
});

type Status = 'RUNNING' | 'PAUSED' | 'CLOSED' | 'CANCELLED' | 'PURGED';
type Action = 'Pause' | 'Resume' | 'Cancel' | 'Close' | 'Purge' | 'Delete' | 'StopSubmission';

/** How Core names statuses in its messages. */
const CORE_NAME: Record<Status, string> = {
  RUNNING: 'Running',
  PAUSED: 'Paused',
  CLOSED: 'Closed',
  CANCELLED: 'Cancelled',
  PURGED: 'Purged',
};

const RPC: Record<Action, keyof NativeClients['sessions']> = {
  Pause: 'PauseSession',
  Resume: 'ResumeSession',
  Cancel: 'CancelSession',
  Close: 'CloseSession',
  Purge: 'PurgeSession',
  Delete: 'DeleteSession',
  StopSubmission: 'StopSubmission',
};

type Outcome = Status | 'refused' | 'deleted' | 'ok';

/** The transition table of armonik-api.md, verbatim. */
const TABLE: Record<Status, Record<Action, Outcome>> = {
  RUNNING: {
    Pause: 'PAUSED',
    Resume: 'RUNNING',
    Cancel: 'CANCELLED',
    Close: 'CLOSED',
    Purge: 'refused',
    Delete: 'deleted',
    StopSubmission: 'ok',
  },
  PAUSED: {
    Pause: 'refused',
    Resume: 'RUNNING',
    Cancel: 'CANCELLED',
    Close: 'CLOSED',
    Purge: 'refused',
    Delete: 'deleted',
    StopSubmission: 'ok',
  },
  CLOSED: {
    Pause: 'refused',
    Resume: 'refused',
    Cancel: 'CANCELLED',
    Close: 'refused',
    Purge: 'PURGED',
    Delete: 'deleted',
    StopSubmission: 'ok',
  },
  CANCELLED: {
    Pause: 'refused',
    Resume: 'refused',
    Cancel: 'refused',
    Close: 'refused',
    Purge: 'PURGED',
    Delete: 'deleted',
    StopSubmission: 'ok',
  },
  PURGED: {
    Pause: 'refused',
    Resume: 'refused',
    Cancel: 'refused',
    Close: 'refused',
    Purge: 'refused',
    Delete: 'deleted',
    StopSubmission: 'ok',
  },
};

/** Actions that bring a fresh Running session to each status. */
const PATH: Record<Status, Action[]> = {
  RUNNING: [],
  PAUSED: ['Pause'],
  CLOSED: ['Close'],
  CANCELLED: ['Cancel'],
  PURGED: ['Close', 'Purge'],
};

function act(action: Action, sessionId: string, extra: Record<string, unknown> = {}) {
  const request =
    action === 'StopSubmission'
      ? { session_id: sessionId, client: true, worker: true, ...extra }
      : { session_id: sessionId };
  return c.sessions[RPC[action]](request) as Promise<{ session: SessionRaw }>;
}

async function createSession(): Promise<string> {
  const { session_id } = await c.sessions.CreateSession({
    default_task_option: {
      max_duration: { seconds: '300', nanos: 0 },
      max_retries: 2,
      priority: 1,
      partition_id: partition,
      options: { origin: 'contract-test' },
    },
    partition_ids: [partition],
  });
  return session_id;
}

async function sessionIn(status: Status): Promise<SessionRaw> {
  const id = await createSession();
  for (const step of PATH[status]) await act(step, id);
  const { session } = await c.sessions.GetSession({ session_id: id });
  expect(session.status).toBe(`SESSION_STATUS_${status}`);
  return session;
}

const get = async (id: string) => (await c.sessions.GetSession({ session_id: id })).session;
const notFound = (id: string) => ({
  code: 'NOT_FOUND',
  details: `Session was not found: Session ${id} not found.`,
});

/** A timestamp set during [from, to] (1 s slack: same machine, clocks agree). */
function expectSetBetween(value: SessionRaw['created_at'], from: number, to: number) {
  expect(value).not.toBeNull();
  expect(millis(value)).toBeGreaterThanOrEqual(from - 1000);
  expect(millis(value)).toBeLessThanOrEqual(to + 1000);
}

const CASES = (Object.keys(TABLE) as Status[]).flatMap((status) =>
  (Object.keys(TABLE[status]) as Action[]).map(
    (action) => [status, action, TABLE[status][action]] as const,
  ),
);

describe('transition table', () => {
  it.each(CASES.filter(([, , o]) => o !== 'refused' && o !== 'deleted' && o !== 'ok'))(
    '%s session: %s → %s',
    async (status, action, outcome) => {
      const before = await sessionIn(status);
      const t0 = Date.now();
      const { session } = await act(action, before.session_id);
      const t1 = Date.now();

      expect(session.session_id).toBe(before.session_id);
      expect(session.status).toBe(`SESSION_STATUS_${outcome}`);
      expect(await get(before.session_id)).toEqual(session);
      expect(session.created_at).toEqual(before.created_at);
      expect(session.partition_ids).toEqual(before.partition_ids);
      expect(session.options).toEqual(before.options);

      switch (outcome) {
        case 'CANCELLED':
          expectSetBetween(session.cancelled_at, t0, t1);
          expect(session.client_submission).toBe(false);
          expect(session.worker_submission).toBe(false);
          // Cancelling a closed session keeps when it was closed.
          expect(session.closed_at).toEqual(before.closed_at);
          break;
        case 'CLOSED': {
          expectSetBetween(session.closed_at, t0, t1);
          expect(session.duration).not.toBeNull();
          const expected = nanos(session.closed_at)! - nanos(session.created_at)!;
          const delta = nanos(session.duration)! - expected;
          expect(delta < 0n ? -delta : delta).toBeLessThanOrEqual(1_000_000n); // ≤ 1 ms rounding
          expect(session.client_submission).toBe(false);
          expect(session.worker_submission).toBe(false);
          break;
        }
        case 'PURGED':
          expectSetBetween(session.purged_at, t0, t1);
          expect(session.client_submission).toBe(false);
          expect(session.worker_submission).toBe(false);
          expect(session.closed_at).toEqual(before.closed_at);
          expect(session.cancelled_at).toEqual(before.cancelled_at);
          break;
        case 'PAUSED':
        case 'RUNNING':
          // Pause/Resume change only the status.
          expect({ ...session, status: before.status }).toEqual(before);
          break;
      }
    },
  );

  it.each(CASES.filter(([, , o]) => o === 'refused'))(
    '%s session: %s is refused with FAILED_PRECONDITION naming the status, and changes nothing',
    async (status, action) => {
      const before = await sessionIn(status);
      expect(await failure(act(action, before.session_id))).toEqual({
        code: 'FAILED_PRECONDITION',
        details: `The session transition is invalid: Cannot ${action.toLowerCase()} a session with status ${CORE_NAME[status]}`,
      });
      expect(await get(before.session_id)).toEqual(before);
    },
  );

  it.each(CASES.filter(([, , o]) => o === 'deleted'))(
    '%s session: %s answers the session as Deleted, then it is gone (NOT_FOUND, unlisted), and deleting again is OK',
    async (status, action) => {
      const before = await sessionIn(status);
      const t0 = Date.now();
      const { session } = await act(action, before.session_id);
      const t1 = Date.now();
      expect(session.session_id).toBe(before.session_id);
      expect(session.status).toBe('SESSION_STATUS_DELETED');
      expectSetBetween(session.deleted_at, t0, t1);

      expect(await failure(c.sessions.GetSession({ session_id: before.session_id }))).toEqual(
        notFound(before.session_id),
      );
      const listed = await listAll(c, SESSIONS, bySession.sessions(before.session_id));
      expect({ rows: listed.rows, total: listed.total }).toEqual({ rows: [], total: 0 });
      const all = await listAll(c, SESSIONS);
      expect(all.rows.map((s) => s.session_id)).not.toContain(before.session_id);

      const again = await act(action, before.session_id);
      expect(again.session.status).toBe('SESSION_STATUS_DELETED');
      expect(again.session.session_id).toBe(before.session_id);
    },
  );

  it.each(CASES.filter(([, , o]) => o === 'ok'))(
    '%s session: %s (client and worker) is OK, clears both flags and keeps the status',
    async (status, action) => {
      const before = await sessionIn(status);
      const { session } = await act(action, before.session_id);
      expect(session).toEqual({ ...before, client_submission: false, worker_submission: false });
      expect(await get(before.session_id)).toEqual(session);
    },
  );
});

describe('StopSubmission', () => {
  it('with client only turns client submission off and leaves worker submission on', async () => {
    const before = await sessionIn('RUNNING');
    const { session } = await act('StopSubmission', before.session_id, {
      client: true,
      worker: false,
    });
    expect(session).toEqual({ ...before, client_submission: false, worker_submission: true });
    expect(await get(before.session_id)).toEqual(session);
  });

  it('with worker only turns worker submission off and leaves client submission on', async () => {
    const before = await sessionIn('RUNNING');
    const { session } = await act('StopSubmission', before.session_id, {
      client: false,
      worker: true,
    });
    expect(session).toEqual({ ...before, client_submission: true, worker_submission: false });
    expect(await get(before.session_id)).toEqual(session);
  });

  it('a second call finishes the job: client, then worker', async () => {
    const before = await sessionIn('PAUSED');
    await act('StopSubmission', before.session_id, { client: true, worker: false });
    const { session } = await act('StopSubmission', before.session_id, {
      client: false,
      worker: true,
    });
    expect(session).toEqual({ ...before, client_submission: false, worker_submission: false });
  });
});

describe('unknown session id', () => {
  const UNKNOWN = 'f0f0f0f0-0000-4000-8000-000000000000';

  it.each(['Pause', 'Resume', 'Cancel', 'Close', 'Purge', 'StopSubmission'] as Action[])(
    '%s is NOT_FOUND with Core’s wording',
    async (action) => {
      expect(await failure(act(action, UNKNOWN))).toEqual(notFound(UNKNOWN));
    },
  );

  it('GetSession is NOT_FOUND with Core’s wording', async () => {
    expect(await failure(c.sessions.GetSession({ session_id: UNKNOWN }))).toEqual(
      notFound(UNKNOWN),
    );
  });

  it('Delete is OK (idempotent) and answers a Deleted session with that id', async () => {
    const { session } = await act('Delete', UNKNOWN);
    expect(session.session_id).toBe(UNKNOWN);
    expect(session.status).toBe('SESSION_STATUS_DELETED');
    expect(session.deleted_at).not.toBeNull();
    expect(await failure(c.sessions.GetSession({ session_id: UNKNOWN }))).toEqual(
      notFound(UNKNOWN),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Effects on tasks and results (seeded sessions that have some)
// ---------------------------------------------------------------------------------------------

const claimed = new Set<string>();

async function tasksOf(sessionId: string): Promise<Map<string, TaskSummary>> {
  return new Map((await listAll(c, TASKS, bySession.tasks(sessionId))).rows.map((t) => [t.id, t]));
}

async function resultsOf(sessionId: string): Promise<Map<string, ResultRaw>> {
  return new Map(
    (await listAll(c, RESULTS, bySession.results(sessionId))).rows.map((r) => [r.result_id, r]),
  );
}

/** A seeded Running session (not used by another test here) whose tasks/results satisfy `wanted`. */
async function seededRunningSession(
  wanted: (tasks: TaskSummary[], results: ResultRaw[]) => boolean,
): Promise<SessionRaw> {
  const running = await listAll(
    c,
    SESSIONS,
    filtersOf([condition(sessionField.raw('STATUS'), 'status', 'EQUAL', 'SESSION_STATUS_RUNNING')]),
  );
  for (const session of running.rows) {
    if (claimed.has(session.session_id) || session.options?.options?.['origin'] === 'contract-test')
      continue;
    const tasks = [...(await tasksOf(session.session_id)).values()];
    const results = [...(await resultsOf(session.session_id)).values()];
    if (wanted(tasks, results)) {
      claimed.add(session.session_id);
      return session;
    }
  }
  throw new Error('the seeded data has no Running session with the tasks/results this test needs');
}

const QUEUED = ['TASK_STATUS_SUBMITTED', 'TASK_STATUS_DISPATCHED'];
const statusesOf = (m: Map<string, { status: string }>) =>
  Object.fromEntries([...m].map(([id, x]) => [id, x.status]));

describe('effects on tasks and results', () => {
  it('Pause holds every Submitted and Dispatched task as Paused and leaves the others; Resume puts them back to Submitted', async () => {
    const session = await seededRunningSession((t) => t.some((x) => QUEUED.includes(x.status)));
    const sid = session.session_id;
    const before = statusesOf(await tasksOf(sid));

    await c.sessions.PauseSession({ session_id: sid });
    const paused = statusesOf(await tasksOf(sid));
    const expectedPaused = Object.fromEntries(
      Object.entries(before).map(([id, s]) => [id, QUEUED.includes(s) ? 'TASK_STATUS_PAUSED' : s]),
    );
    expect(paused).toEqual(expectedPaused);
    expect(Object.values(paused).filter((s) => QUEUED.includes(s))).toEqual([]);

    await c.sessions.ResumeSession({ session_id: sid });
    const resumed = statusesOf(await tasksOf(sid));
    const expectedResumed = Object.fromEntries(
      Object.entries(paused).map(([id, s]) => [
        id,
        s === 'TASK_STATUS_PAUSED' ? 'TASK_STATUS_SUBMITTED' : s,
      ]),
    );
    expect(resumed).toEqual(expectedResumed);
    expect(Object.values(resumed)).not.toContain('TASK_STATUS_PAUSED');
  });

  it('Cancel moves every unfinished task to Cancelling, then Cancelled, aborts Created results and leaves finished work alone', async () => {
    const session = await seededRunningSession(
      (t, r) =>
        t.some((x) => !isTaskFinal(x.status)) &&
        t.some((x) => isTaskFinal(x.status)) &&
        r.some((x) => x.status === 'RESULT_STATUS_CREATED'),
    );
    const sid = session.session_id;
    const tasksBefore = statusesOf(await tasksOf(sid));
    const resultsBefore = statusesOf(await resultsOf(sid));

    await c.sessions.CancelSession({ session_id: sid });

    const tasksNow = statusesOf(await tasksOf(sid));
    const wrong = Object.entries(tasksBefore).filter(([id, s]) =>
      isTaskFinal(s)
        ? tasksNow[id] !== s
        : !['TASK_STATUS_CANCELLING', 'TASK_STATUS_CANCELLED'].includes(tasksNow[id] ?? ''),
    );
    expect(wrong.map(([id, s]) => `${id}: ${s} → ${tasksNow[id]}`)).toEqual([]);

    expect(statusesOf(await resultsOf(sid))).toEqual(
      Object.fromEntries(
        Object.entries(resultsBefore).map(([id, s]) => [
          id,
          s === 'RESULT_STATUS_CREATED' ? 'RESULT_STATUS_ABORTED' : s,
        ]),
      ),
    );

    const settled = await eventually(
      async () => statusesOf(await tasksOf(sid)),
      (m) => !Object.values(m).includes('TASK_STATUS_CANCELLING'),
    );
    expect(settled).toEqual(
      Object.fromEntries(
        Object.entries(tasksBefore).map(([id, s]) => [
          id,
          isTaskFinal(s) ? s : 'TASK_STATUS_CANCELLED',
        ]),
      ),
    );
  });

  it('Close leaves the tasks as they are (submitted ones still run)', async () => {
    const session = await seededRunningSession((t) => t.some((x) => !isTaskFinal(x.status)));
    const before = statusesOf(await tasksOf(session.session_id));
    await c.sessions.CloseSession({ session_id: session.session_id });
    expect(statusesOf(await tasksOf(session.session_id))).toEqual(before);
  });

  it('a refused Purge (Running session) touches no result; once closed, Purge deletes every result not marked manual_deletion', async () => {
    // Both kinds of result, so that each branch of the rule is exercised.
    const session = await seededRunningSession(
      (_, r) =>
        r.some((x) => x.manual_deletion) &&
        r.some((x) => !x.manual_deletion && x.status === 'RESULT_STATUS_COMPLETED'),
    );
    const sid = session.session_id;
    const before = await resultsOf(sid);

    expect((await failure(c.sessions.PurgeSession({ session_id: sid }))).code).toBe(
      'FAILED_PRECONDITION',
    );
    expect(await resultsOf(sid)).toEqual(before);

    await c.sessions.CloseSession({ session_id: sid });
    const { session: purged } = await c.sessions.PurgeSession({ session_id: sid });
    expect(purged.status).toBe('SESSION_STATUS_PURGED');
    const after = await resultsOf(sid);
    expect(statusesOf(after)).toEqual(
      Object.fromEntries(
        [...before].map(([id, r]) => [id, r.manual_deletion ? r.status : 'RESULT_STATUS_DELETED']),
      ),
    );
  });

  it('Delete removes the session with its tasks and results', async () => {
    const session = await seededRunningSession((t, r) => t.length > 0 && r.length > 0);
    const sid = session.session_id;
    const taskIds = [...(await tasksOf(sid)).keys()];
    const resultIds = [...(await resultsOf(sid)).keys()];

    const { session: deleted } = await c.sessions.DeleteSession({ session_id: sid });
    expect(deleted.status).toBe('SESSION_STATUS_DELETED');

    expect(await failure(c.sessions.GetSession({ session_id: sid }))).toEqual(notFound(sid));
    const tasks = await listAll(c, TASKS, bySession.tasks(sid));
    expect({ rows: tasks.rows.length, total: tasks.total }).toEqual({ rows: 0, total: 0 });
    const results = await listAll(c, RESULTS, bySession.results(sid));
    expect({ rows: results.rows.length, total: results.total }).toEqual({ rows: 0, total: 0 });
    const allTasks = new Set((await listAll(c, TASKS)).rows.map((t) => t.id));
    expect(taskIds.filter((id) => allTasks.has(id))).toEqual([]);
    expect((await failure(c.tasks.GetTask({ task_id: taskIds[0] }))).code).toBe('NOT_FOUND');
    expect((await failure(c.results.GetResult({ result_id: resultIds[0] }))).code).toBe(
      'NOT_FOUND',
    );
    const counts = await c.tasks.CountTasksByStatus({ filters: bySession.tasks(sid) });
    expect(counts.status).toEqual([]);

    const again = await c.sessions.DeleteSession({ session_id: sid });
    expect(again.session.status).toBe('SESSION_STATUS_DELETED');
  });
});
