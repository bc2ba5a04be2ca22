/**
 * Every RPC the console uses answers correctly over native gRPC (HTTP/2, @grpc/grpc-js with our
 * .proto files), the way ArmoniK's SDKs call a real control plane.
 */
import * as grpc from '@grpc/grpc-js';

import {
  first,
  APPLICATIONS,
  applicationKey,
  bySession,
  callError,
  condition,
  countByStatus,
  EMPTY_FILTERS,
  EventSubscriptionResponse,
  failure,
  filtersOf,
  isTaskFinal,
  listAll,
  millis,
  PARTITIONS,
  readAll,
  RESULTS,
  ResultRaw,
  SessionRaw,
  SESSIONS,
  sessionField,
  SMALL_CLUSTER,
  StreamCollector,
  TASKS,
  TASKS_DETAILED,
  TaskSummary,
  TEST_TIMEOUT_MS,
  toCountMap,
  useCluster,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

const { c } = useCluster();

/** Sessions already acted upon by a test of this file: later tests pick other ones. */
const claimed = new Set<string>();

/** Running seeded sessions (not yet claimed) with their tasks, best candidates first. */
async function runningSessionWith(
  wanted: (tasks: TaskSummary[], results: ResultRaw[]) => boolean,
): Promise<{ session: SessionRaw; tasks: TaskSummary[]; results: ResultRaw[] }> {
  const running = await listAll(
    c,
    SESSIONS,
    filtersOf([condition(sessionField.raw('STATUS'), 'status', 'EQUAL', 'SESSION_STATUS_RUNNING')]),
  );
  for (const session of running.rows) {
    if (claimed.has(session.session_id)) continue;
    const tasks = (await listAll(c, TASKS, bySession.tasks(session.session_id))).rows;
    const results = (await listAll(c, RESULTS, bySession.results(session.session_id))).rows;
    if (wanted(tasks, results)) {
      claimed.add(session.session_id);
      return { session, tasks, results };
    }
  }
  throw new Error('the seeded data has no Running session with the tasks this test needs');
}

const UNKNOWN_ID = 'no-such-id-0000';

describe('Sessions over native gRPC', () => {
  it('ListSessions returns every seeded session, with total and the echoed page and page_size', async () => {
    const all = await listAll(c, SESSIONS);
    expect(all.total).toBe(SMALL_CLUSTER.sessions);
    expect(all.rows).toHaveLength(SMALL_CLUSTER.sessions);
    const page = await c.sessions.ListSessions({
      page: 1,
      page_size: 7,
      filters: EMPTY_FILTERS,
      sort: SESSIONS.sort(SESSIONS.idField, 'SORT_DIRECTION_ASC'),
    });
    expect({ page: page.page, page_size: page.page_size, total: page.total }).toEqual({
      page: 1,
      page_size: 7,
      total: SMALL_CLUSTER.sessions,
    });
    for (const s of all.rows) {
      expect(s.session_id).not.toBe('');
      expect(['SESSION_STATUS_UNSPECIFIED', 'SESSION_STATUS_DELETED']).not.toContain(s.status);
      expect(s.created_at).not.toBeNull();
      expect(s.options).not.toBeNull();
    }
  });

  it('GetSession returns exactly the session the listing shows', async () => {
    const all = await listAll(c, SESSIONS);
    const oneOfEachStatus = new Map(all.rows.map((s) => [s.status, s]));
    for (const session of oneOfEachStatus.values()) {
      const { session: got } = await c.sessions.GetSession({ session_id: session.session_id });
      expect(got).toEqual(session);
    }
  });

  it('GetSession on an unknown id is NOT_FOUND with Core’s wording', async () => {
    expect(await failure(c.sessions.GetSession({ session_id: UNKNOWN_ID }))).toEqual({
      code: 'NOT_FOUND',
      details: `Session was not found: Session ${UNKNOWN_ID} not found.`,
    });
  });

  it('CreateSession creates a Running session with both submission flags on, its partitions and default task options', async () => {
    const partition = first((await listAll(c, PARTITIONS)).rows).id;
    const before = Date.now();
    const options = {
      options: { origin: 'contract-test', team: 'qa' },
      max_duration: { seconds: '600', nanos: 0 },
      max_retries: 3,
      priority: 2,
      partition_id: partition,
      application_name: 'contract',
      application_version: '1.0.0',
      application_namespace: 'tests',
      application_service: 'svc',
      engine_type: 'Unified',
    };
    const { session_id } = await c.sessions.CreateSession({
      default_task_option: options,
      partition_ids: [partition],
    });
    expect(session_id).not.toBe('');
    const { session } = await c.sessions.GetSession({ session_id });
    expect(session).toMatchObject({
      session_id,
      status: 'SESSION_STATUS_RUNNING',
      partition_ids: [partition],
      client_submission: true,
      worker_submission: true,
      options,
      cancelled_at: null,
      closed_at: null,
      purged_at: null,
      deleted_at: null,
    });
    expect(millis(session.created_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(millis(session.created_at)).toBeLessThanOrEqual(Date.now() + 1000);
    const listed = await listAll(c, SESSIONS, bySession.sessions(session_id));
    expect(listed.rows).toEqual([session]);
  });
});

describe('Tasks over native gRPC', () => {
  it('ListTasks returns every seeded task, each in an existing session', async () => {
    const tasks = await listAll(c, TASKS);
    expect(tasks.total).toBe(tasks.rows.length);
    expect(tasks.total).toBeGreaterThanOrEqual(SMALL_CLUSTER.tasks);
    const sessionIds = new Set((await listAll(c, SESSIONS)).rows.map((s) => s.session_id));
    const orphans = tasks.rows.filter((t) => !sessionIds.has(t.session_id)).map((t) => t.id);
    expect(orphans).toEqual([]);
    expect(tasks.rows.filter((t) => t.status === 'TASK_STATUS_UNSPECIFIED')).toEqual([]);
  });

  it('ListTasksDetailed lists the same tasks as ListTasks, with lists matching the summary counts', async () => {
    const summaries = await listAll(c, TASKS);
    const detailed = await listAll(c, TASKS_DETAILED);
    expect(detailed.total).toBe(summaries.total);
    expect(detailed.rows.map((t) => t.id)).toEqual(summaries.rows.map((t) => t.id));
    const mismatches = detailed.rows.flatMap((d, i) => {
      const s = summaries.rows[i];
      const same =
        s !== undefined &&
        d.session_id === s.session_id &&
        d.status === s.status &&
        JSON.stringify(d.options) === JSON.stringify(s.options) &&
        JSON.stringify(d.created_at) === JSON.stringify(s.created_at) &&
        String(d.expected_output_ids.length) === s.count_expected_output_ids &&
        String(d.data_dependencies.length) === s.count_data_dependencies &&
        String(d.retry_of_ids.length) === s.count_retry_of_ids &&
        String(d.parent_task_ids.length) === s.count_parent_task_ids;
      return same ? [] : [d.id];
    });
    expect(mismatches).toEqual([]);
  });

  it('GetTask returns the task as ListTasksDetailed shows it; an unknown id is NOT_FOUND', async () => {
    const detailed = await listAll(c, TASKS_DETAILED);
    const byStatus = new Map(detailed.rows.map((t) => [t.status, t]));
    for (const task of byStatus.values()) {
      const { task: got } = await c.tasks.GetTask({ task_id: task.id });
      expect(got).toEqual(task);
    }
    expect((await failure(c.tasks.GetTask({ task_id: UNKNOWN_ID }))).code).toBe('NOT_FOUND');
  });

  it('GetResultIds maps each task to its expected output ids', async () => {
    const detailed = (await listAll(c, TASKS_DETAILED)).rows;
    const sample = detailed.filter((t) => t.expected_output_ids.length > 0).slice(0, 10);
    expect(sample.length).toBeGreaterThan(0);
    const { task_results } = await c.tasks.GetResultIds({ task_id: sample.map((t) => t.id) });
    const got = Object.fromEntries(task_results.map((r) => [r.task_id, [...r.result_ids].sort()]));
    const expected = Object.fromEntries(
      sample.map((t) => [t.id, [...t.expected_output_ids].sort()]),
    );
    expect(got).toEqual(expected);
  });

  it('CountTasksByStatus without filters counts every task, omitting zero counts', async () => {
    const tasks = await listAll(c, TASKS);
    const expected = countByStatus(tasks.rows.map((t) => t.status));
    const absent = await c.tasks.CountTasksByStatus({});
    expect(toCountMap(absent.status)).toEqual(expected);
    expect(absent.status.every((s) => s.count > 0)).toBe(true);
    const empty = await c.tasks.CountTasksByStatus({ filters: EMPTY_FILTERS });
    expect(toCountMap(empty.status)).toEqual(expected);
  });

  it('CountTasksByStatus with a session filter counts that session’s tasks (the console’s status bar)', async () => {
    const sessions = (await listAll(c, SESSIONS)).rows.slice(0, 5);
    const tasks = (await listAll(c, TASKS)).rows;
    for (const s of sessions) {
      const expected = countByStatus(
        tasks.filter((t) => t.session_id === s.session_id).map((t) => t.status),
      );
      const got = await c.tasks.CountTasksByStatus({ filters: bySession.tasks(s.session_id) });
      expect(toCountMap(got.status)).toEqual(expected);
    }
  });

  it('CancelTasks cancels the unfinished tasks asked for, leaves finished ones alone and ignores unknown ids', async () => {
    const { tasks } = await runningSessionWith(
      (t) =>
        t.filter((x) => !isTaskFinal(x.status)).length >= 2 && t.some((x) => isTaskFinal(x.status)),
    );
    const unfinished = tasks.filter((t) => !isTaskFinal(t.status)).slice(0, 3);
    const finished = tasks.find((t) => isTaskFinal(t.status))!;
    const asked = [...unfinished.map((t) => t.id), finished.id, UNKNOWN_ID];
    const reply = await c.tasks.CancelTasks({ task_ids: asked });
    expect(reply.tasks.map((t) => t.id).sort()).toEqual(
      [...unfinished.map((t) => t.id), finished.id].sort(),
    );
    for (const t of unfinished) {
      const { task } = await c.tasks.GetTask({ task_id: t.id });
      expect(['TASK_STATUS_CANCELLING', 'TASK_STATUS_CANCELLED']).toContain(task.status);
    }
    const { task: untouched } = await c.tasks.GetTask({ task_id: finished.id });
    expect(untouched.status).toBe(finished.status);
  });
});

describe('Results over native gRPC', () => {
  it('ListResults returns results of existing sessions owned by existing tasks', async () => {
    const results = await listAll(c, RESULTS);
    expect(results.total).toBe(results.rows.length);
    expect(results.total).toBeGreaterThan(0);
    const sessionIds = new Set((await listAll(c, SESSIONS)).rows.map((s) => s.session_id));
    const taskIds = new Set((await listAll(c, TASKS)).rows.map((t) => t.id));
    expect(
      results.rows.filter((r) => !sessionIds.has(r.session_id)).map((r) => r.result_id),
    ).toEqual([]);
    expect(
      results.rows
        .filter((r) => r.owner_task_id !== '' && !taskIds.has(r.owner_task_id))
        .map((r) => r.result_id),
    ).toEqual([]);
    expect(results.rows.filter((r) => r.status === 'RESULT_STATUS_UNSPECIFIED')).toEqual([]);
  });

  it('GetResult returns the result the listing shows; an unknown id is NOT_FOUND', async () => {
    const results = await listAll(c, RESULTS);
    const byStatus = new Map(results.rows.map((r) => [r.status, r]));
    for (const result of byStatus.values()) {
      const { result: got } = await c.results.GetResult({ result_id: result.result_id });
      expect(got).toEqual(result);
    }
    expect((await failure(c.results.GetResult({ result_id: UNKNOWN_ID }))).code).toBe('NOT_FOUND');
  });

  it('GetOwnerTaskId maps result ids to their owner task', async () => {
    const results = (await listAll(c, RESULTS)).rows.filter((r) => r.owner_task_id !== '');
    const sessionId = first(results, 'a result with an owner').session_id;
    const sample = results.filter((r) => r.session_id === sessionId).slice(0, 10);
    const reply = await c.results.GetOwnerTaskId({
      session_id: sessionId,
      result_id: sample.map((r) => r.result_id),
    });
    expect(reply.session_id).toBe(sessionId);
    expect(Object.fromEntries(reply.result_task.map((m) => [m.result_id, m.task_id]))).toEqual(
      Object.fromEntries(sample.map((r) => [r.result_id, r.owner_task_id])),
    );
  });

  it('GetServiceConfiguration gives a positive data chunk size', async () => {
    const { data_chunk_max_size } = await c.results.GetServiceConfiguration({});
    expect(data_chunk_max_size).toBeGreaterThan(0);
  });

  it('DownloadResultData streams a completed result in chunks that concatenate to its size', async () => {
    const { data_chunk_max_size: max } = await c.results.GetServiceConfiguration({});
    const completed = (await listAll(c, RESULTS)).rows.filter(
      (r) => r.status === 'RESULT_STATUS_COMPLETED',
    );
    const small = completed.find((r) => Number(r.size) > 0 && Number(r.size) <= max);
    expect(small).toBeDefined();
    const chunks = await readAll(
      c.results.DownloadResultData({ session_id: small!.session_id, result_id: small!.result_id }),
    );
    expect(Buffer.concat(chunks.map((ch) => ch.data_chunk)).length).toBe(Number(small!.size));
    expect(chunks.every((ch) => ch.data_chunk.length <= max)).toBe(true);
  });

  it('DownloadResultData sends a large result in several chunks, each at most data_chunk_max_size', async () => {
    const { data_chunk_max_size: max } = await c.results.GetServiceConfiguration({});
    const large = first(
      (await listAll(c, RESULTS)).rows
        .filter((r) => r.status === 'RESULT_STATUS_COMPLETED')
        .sort((a, b) => Number(b.size) - Number(a.size)),
      'a completed result',
    );
    expect(Number(large.size)).toBeGreaterThan(max);
    const request = { session_id: large.session_id, result_id: large.result_id };
    const chunks = await readAll(c.results.DownloadResultData(request));
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(chunks.every((ch) => ch.data_chunk.length <= max)).toBe(true);
    const data = Buffer.concat(chunks.map((ch) => ch.data_chunk));
    expect(data.length).toBe(Number(large.size));
    const again = Buffer.concat(
      (await readAll(c.results.DownloadResultData(request))).map((ch) => ch.data_chunk),
    );
    expect(again.equals(data)).toBe(true);
  });
});

describe('Partitions and applications over native gRPC', () => {
  it('ListPartitions lists partitions that GetPartition returns identically; unknown is NOT_FOUND', async () => {
    const partitions = await listAll(c, PARTITIONS);
    expect(partitions.total).toBe(partitions.rows.length);
    expect(partitions.total).toBeGreaterThan(0);
    for (const p of partitions.rows) {
      const { partition } = await c.partitions.GetPartition({ id: p.id });
      expect(partition).toEqual(p);
    }
    expect((await failure(c.partitions.GetPartition({ id: UNKNOWN_ID }))).code).toBe('NOT_FOUND');
  });

  it('every session’s partitions exist', async () => {
    const ids = new Set((await listAll(c, PARTITIONS)).rows.map((p) => p.id));
    const missing = (await listAll(c, SESSIONS)).rows.flatMap((s) =>
      s.partition_ids.filter((p) => !ids.has(p)),
    );
    expect(missing).toEqual([]);
  });

  it('ListApplications lists the distinct (name, version, namespace, service) of the tasks’ options', async () => {
    const tasks = (await listAll(c, TASKS)).rows;
    const expected = new Set(
      tasks.map((t) =>
        applicationKey({
          name: t.options?.application_name ?? '',
          version: t.options?.application_version ?? '',
          namespace: t.options?.application_namespace ?? '',
          service: t.options?.application_service ?? '',
        }),
      ),
    );
    const apps = await listAll(c, APPLICATIONS);
    expect(apps.total).toBe(expected.size);
    expect(apps.rows.map(applicationKey).sort()).toEqual([...expected].sort());
  });
});

describe('Cluster information over native gRPC', () => {
  const CONSOLE_PERMISSIONS = [
    'Sessions:ListSessions',
    'Sessions:GetSession',
    'Sessions:CancelSession',
    'Sessions:PauseSession',
    'Sessions:ResumeSession',
    'Sessions:CloseSession',
    'Sessions:PurgeSession',
    'Sessions:DeleteSession',
    'Sessions:StopSubmission',
    'Sessions:CreateSession',
    'Tasks:ListTasks',
    'Tasks:ListTasksDetailed',
    'Tasks:GetTask',
    'Tasks:CancelTasks',
    'Tasks:GetResultIds',
    'Tasks:CountTasksByStatus',
    'Results:ListResults',
    'Results:GetResult',
    'Results:GetOwnerTaskId',
    'Results:DownloadResultData',
    'Results:GetServiceConfiguration',
    'Partitions:ListPartitions',
    'Partitions:GetPartition',
    'Applications:ListApplications',
    'Events:GetEvents',
    'Versions:ListVersions',
    'HealthChecks:CheckHealth',
  ];

  it('GetCurrentUser is Anonymous with every permission when authentication is off', async () => {
    const { user } = await c.auth.GetCurrentUser({});
    expect(user.username).toBe('Anonymous');
    expect(user.permissions).toEqual(expect.arrayContaining(CONSOLE_PERMISSIONS));
    expect(user.permissions.every((p) => /^[A-Za-z]+:[A-Za-z]+$/.test(p))).toBe(true);
  });

  it('ListVersions names the core and API versions', async () => {
    const versions = await c.versions.ListVersions({});
    expect(versions.core).toMatch(/\S/);
    expect(versions.api).toMatch(/\S/);
  });

  it('CheckHealth reports named, healthy services', async () => {
    const { services } = await c.health.CheckHealth({});
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) {
      expect(s.name).toMatch(/\S/);
      expect(s.healthy).toBe('HEALTH_STATUS_ENUM_HEALTHY');
    }
  });
});

describe('Events.GetEvents over native gRPC (live stream)', () => {
  const subscribe = (sessionId: string, returnedEvents: string[] = []) =>
    new StreamCollector<EventSubscriptionResponse>(
      c.events.GetEvents({
        session_id: sessionId,
        tasks_filters: EMPTY_FILTERS,
        results_filters: EMPTY_FILTERS,
        returned_events: returnedEvents,
      }),
    );

  const statusUpdates = (items: EventSubscriptionResponse[]) =>
    items.flatMap((e) => (e.task_status_update ? [e.task_status_update] : []));

  it('streams task status updates of the subscribed session as it is paused, then cancelled, until the client cancels', async () => {
    const { session, tasks, results } = await runningSessionWith((t) =>
      t.some((x) => x.status === 'TASK_STATUS_SUBMITTED' || x.status === 'TASK_STATUS_DISPATCHED'),
    );
    const sid = session.session_id;
    const queued = tasks
      .filter((t) => t.status === 'TASK_STATUS_SUBMITTED' || t.status === 'TASK_STATUS_DISPATCHED')
      .map((t) => t.id);
    const unfinished = tasks.filter((t) => !isTaskFinal(t.status)).map((t) => t.id);
    const created = results
      .filter((r) => r.status === 'RESULT_STATUS_CREATED')
      .map((r) => r.result_id);

    const events = subscribe(sid);
    await events.ready();

    await c.sessions.PauseSession({ session_id: sid });
    const pausedSeen = () => {
      const paused = new Set(
        statusUpdates(events.items)
          .filter((u) => u.status === 'TASK_STATUS_PAUSED')
          .map((u) => u.task_id),
      );
      return queued.filter((id) => !paused.has(id));
    };
    await events.until(() => pausedSeen().length === 0);
    expect({ tasksWithoutPausedEvent: pausedSeen(), streamError: events.error?.details }).toEqual({
      tasksWithoutPausedEvent: [],
      streamError: undefined,
    });

    await c.sessions.CancelSession({ session_id: sid });
    const cancelSeen = () => {
      const cancelled = new Set(
        statusUpdates(events.items)
          .filter(
            (u) => u.status === 'TASK_STATUS_CANCELLING' || u.status === 'TASK_STATUS_CANCELLED',
          )
          .map((u) => u.task_id),
      );
      return unfinished.filter((id) => !cancelled.has(id));
    };
    const abortedSeen = () => {
      const aborted = new Set(
        events.items
          .flatMap((e) => (e.result_status_update ? [e.result_status_update] : []))
          .filter((u) => u.status === 'RESULT_STATUS_ABORTED')
          .map((u) => u.result_id),
      );
      return created.filter((id) => !aborted.has(id));
    };
    await events.until(() => cancelSeen().length === 0 && abortedSeen().length === 0);
    expect({
      tasksWithoutCancelEvent: cancelSeen(),
      resultsWithoutAbortedEvent: abortedSeen(),
    }).toEqual({
      tasksWithoutCancelEvent: [],
      resultsWithoutAbortedEvent: [],
    });

    expect(events.items.filter((e) => e.session_id !== sid)).toEqual([]);
    expect(events.ended).toBe(false);
    await events.cancel();
    expect(events.error?.code).toBe(grpc.status.CANCELLED);
    expect((await c.sessions.GetSession({ session_id: sid })).session.status).toBe(
      'SESSION_STATUS_CANCELLED',
    );
  });

  it('only sends the subscribed session’s events, and only the kinds asked for', async () => {
    const enough = (t: TaskSummary[]) => t.filter((x) => !isTaskFinal(x.status)).length >= 1;
    const watched = await runningSessionWith(enough);
    const other = await runningSessionWith(enough);
    const watchedTask = watched.tasks.find((t) => !isTaskFinal(t.status))!;
    const otherTask = other.tasks.find((t) => !isTaskFinal(t.status))!;

    const events = subscribe(watched.session.session_id, ['EVENTS_ENUM_TASK_STATUS_UPDATE']);
    await events.ready();
    // The other session's change happens first: had it been forwarded, it would arrive first.
    await c.tasks.CancelTasks({ task_ids: [otherTask.id] });
    await c.tasks.CancelTasks({ task_ids: [watchedTask.id] });
    await events.until((items) => statusUpdates(items).some((u) => u.task_id === watchedTask.id));
    await events.cancel();

    expect(statusUpdates(events.items).map((u) => u.task_id)).toContain(watchedTask.id);
    expect(statusUpdates(events.items).map((u) => u.task_id)).not.toContain(otherTask.id);
    expect(events.items.filter((e) => e.update !== 'task_status_update')).toEqual([]);
  });

  it('keeps answering calls after a stream was cancelled', async () => {
    const events = subscribe(first((await listAll(c, SESSIONS)).rows).session_id);
    await events.ready();
    await events.cancel();
    const error = await callError(c.sessions.GetSession({ session_id: UNKNOWN_ID }));
    expect(error.code).toBe(grpc.status.NOT_FOUND);
    const listing = await listAll(c, SESSIONS);
    expect(listing.rows.length).toBe(listing.total);
  });
});
