import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { create } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import { firstValueFrom } from 'rxjs';

import { SESSIONS_CLIENT } from '../../api/clients/sessions.client';
import { CurrentUserStore } from '../../api/current-user.store';
import { SessionRawSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { ACTION_JOURNAL, type ActionJournal, type ActivityEntry } from '../action-journal.port';
import { ActionExecutor, RECHECK_DELAYS_MS, isNoAnswer, showsApplied } from './action-executor';
import { toApiError } from '../../api/api-error';
import { PendingActions } from './pending-actions.store';
import { type SessionChange, SessionChanges } from './session-changes';

/** The journal port in memory (activity/ tests the stored journal itself). */
function memoryJournal(): ActionJournal {
  const entries = signal<readonly ActivityEntry[]>([]);
  return {
    entries,
    append: (entry) => {
      const full = { ...entry, id: String(entries().length + 1) };
      entries.update((all) => [...all, full]);
      return full;
    },
    update: (id, patch) =>
      entries.update((all) => all.map((e) => (e.id === id ? { ...e, ...patch } : e))),
  };
}

describe('action executor', () => {
  let client: Record<'pauseSession' | 'closeSession' | 'stopSubmission' | 'getSession', jest.Mock>;
  let changes: SessionChange[];

  beforeEach(() => {
    client = {
      pauseSession: jest.fn(),
      closeSession: jest.fn(),
      stopSubmission: jest.fn(),
      getSession: jest.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: SESSIONS_CLIENT, useValue: client },
        { provide: ACTION_JOURNAL, useValue: memoryJournal() },
        { provide: CurrentUserStore, useValue: { user: () => ({ username: 'alice' }) } },
      ],
    });
    changes = [];
    TestBed.inject(SessionChanges).changes$.subscribe((change) => changes.push(change));
  });

  it('shows the session pending until the server answers, then publishes its session', async () => {
    let answer!: (value: unknown) => void;
    const paused = create(SessionRawSchema, { sessionId: 's1', status: SessionStatus.PAUSED });
    client.pauseSession.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const executor = TestBed.inject(ActionExecutor);
    const pending = TestBed.inject(PendingActions);

    const outcome = firstValueFrom(
      executor.execute({ action: 'pause', sessionId: 's1' }, 'single'),
    );
    expect(pending.actionFor('s1')).toBe('pause');
    expect(changes).toEqual([]);
    answer({ session: paused });

    await expect(outcome).resolves.toEqual({ ok: true, session: paused });
    expect(pending.actionFor('s1')).toBeUndefined();
    expect(changes).toEqual([{ kind: 'updated', session: paused }]);
    expect(TestBed.inject(ACTION_JOURNAL).entries()).toEqual([
      expect.objectContaining({
        user: 'alice',
        sessionId: 's1',
        action: 'pause',
        origin: 'single',
        outcome: 'succeeded',
        status: 'PAUSED',
      }),
    ]);
  });

  it('reports a refusal with the server reason and re-reads the true state', async () => {
    const closed = create(SessionRawSchema, { sessionId: 's2', status: SessionStatus.CLOSED });
    client.closeSession.mockRejectedValue(
      new ConnectError(
        'The session transition is invalid: Cannot close a session with status Closed',
        Code.FailedPrecondition,
      ),
    );
    client.getSession.mockResolvedValue({ session: closed });
    const outcome = await firstValueFrom(
      TestBed.inject(ActionExecutor).execute({ action: 'close', sessionId: 's2' }, 'bulk'),
    );
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.codeName).toBe('FAILED_PRECONDITION');
    expect(changes).toEqual([{ kind: 'updated', session: closed }]);
    expect(TestBed.inject(ACTION_JOURNAL).entries()[0]).toMatchObject({
      outcome: 'failed',
      origin: 'bulk',
      code: 'FAILED_PRECONDITION',
      message: 'The session transition is invalid: Cannot close a session with status Closed',
    });
  });

  it('removes a session the re-read no longer finds', async () => {
    client.closeSession.mockRejectedValue(new ConnectError('Session s3 not found', Code.NotFound));
    client.getSession.mockRejectedValue(new ConnectError('Session s3 not found', Code.NotFound));
    await firstValueFrom(
      TestBed.inject(ActionExecutor).execute({ action: 'close', sessionId: 's3' }, 'single'),
    );
    expect(changes).toEqual([{ kind: 'removed', sessionId: 's3' }]);
  });

  it('sends the Stop submission choice and journals it', async () => {
    client.stopSubmission.mockResolvedValue({
      session: create(SessionRawSchema, { sessionId: 's4', status: SessionStatus.RUNNING }),
    });
    await firstValueFrom(
      TestBed.inject(ActionExecutor).execute(
        { action: 'stopSubmission', sessionId: 's4', stop: { client: false, worker: true } },
        'single',
      ),
    );
    expect(client.stopSubmission).toHaveBeenCalledWith(
      { sessionId: 's4', client: false, worker: true },
      expect.anything(),
    );
    expect(TestBed.inject(ACTION_JOURNAL).entries()[0]).toMatchObject({ detail: 'worker' });
  });

  describe('a call that ends without an answer (deadline, network loss)', () => {
    afterEach(() => jest.useRealTimers());

    it('is journalled unknown, then settled by re-reading the session: applied', async () => {
      jest.useFakeTimers();
      const paused = create(SessionRawSchema, { sessionId: 's5', status: SessionStatus.PAUSED });
      client.pauseSession.mockRejectedValue(
        new ConnectError('the operation timed out', Code.DeadlineExceeded),
      );
      // The link is still down for the first re-read, then the server answers.
      client.getSession
        .mockRejectedValueOnce(new ConnectError('Failed to fetch', Code.Unknown))
        .mockResolvedValue({ session: paused });
      const noAnswer = jest.fn();
      const outcomes: unknown[] = [];
      TestBed.inject(ActionExecutor)
        .execute({ action: 'pause', sessionId: 's5' }, 'single', noAnswer)
        .subscribe((outcome) => outcomes.push(outcome));
      await jest.advanceTimersByTimeAsync(0);
      expect(noAnswer).toHaveBeenCalledTimes(1);
      expect(outcomes).toEqual([]);
      expect(TestBed.inject(ACTION_JOURNAL).entries()[0]).toMatchObject({
        outcome: 'unknown',
        code: 'DEADLINE_EXCEEDED',
      });
      expect(TestBed.inject(PendingActions).actionFor('s5')).toBe('pause');

      await jest.advanceTimersByTimeAsync(1_000);
      expect(outcomes).toEqual([{ ok: true, session: paused, checked: true }]);
      expect(changes).toEqual([{ kind: 'updated', session: paused }]);
      expect(TestBed.inject(ACTION_JOURNAL).entries()).toEqual([
        expect.objectContaining({ outcome: 'succeeded', checked: true, status: 'PAUSED' }),
      ]);
      expect(TestBed.inject(PendingActions).actionFor('s5')).toBeUndefined();
    });

    it('says "not applied" when the session read again shows it was not', async () => {
      const running = create(SessionRawSchema, { sessionId: 's6', status: SessionStatus.RUNNING });
      client.pauseSession.mockRejectedValue(new ConnectError('unavailable', Code.Unavailable));
      client.getSession.mockResolvedValue({ session: running });
      const outcome = await firstValueFrom(
        TestBed.inject(ActionExecutor).execute({ action: 'pause', sessionId: 's6' }, 'single'),
      );
      expect(outcome).toMatchObject({ ok: false, checked: 'notApplied' });
      expect(TestBed.inject(ACTION_JOURNAL).entries()).toEqual([
        expect.objectContaining({ outcome: 'failed', checked: true, code: 'UNAVAILABLE' }),
      ]);
    });

    it('stays unknown, and says so, if the session cannot be read for two minutes', async () => {
      jest.useFakeTimers();
      client.closeSession.mockRejectedValue(new ConnectError('timeout', Code.DeadlineExceeded));
      client.getSession.mockRejectedValue(new ConnectError('Failed to fetch', Code.Unknown));
      const outcomes: unknown[] = [];
      TestBed.inject(ActionExecutor)
        .execute({ action: 'close', sessionId: 's7' }, 'single')
        .subscribe((outcome) => outcomes.push(outcome));
      await jest.advanceTimersByTimeAsync(RECHECK_DELAYS_MS.reduce((a, b) => a + b, 0));
      expect(outcomes).toEqual([expect.objectContaining({ ok: false, checked: 'unknown' })]);
      expect(TestBed.inject(ACTION_JOURNAL).entries()).toEqual([
        expect.objectContaining({ outcome: 'unknown' }),
      ]);
    });

    it('a refusal is not "no answer": no re-reading loop', async () => {
      client.closeSession.mockRejectedValue(new ConnectError('nope', Code.FailedPrecondition));
      client.getSession.mockResolvedValue({ session: undefined });
      await firstValueFrom(
        TestBed.inject(ActionExecutor).execute({ action: 'close', sessionId: 's8' }, 'single'),
      );
      expect(client.getSession).toHaveBeenCalledTimes(1);
      expect(isNoAnswer(toApiError(new ConnectError('x', Code.FailedPrecondition)))).toBe(false);
      expect(showsApplied({ action: 'delete', sessionId: 's8' }, undefined)).toBe(true);
    });
  });
});
