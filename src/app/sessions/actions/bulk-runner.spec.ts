import { Code } from '@connectrpc/connect';
import { Subject, type Observable, finalize, toArray, firstValueFrom } from 'rxjs';

import { ApiError } from '../../api/api-error';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type ActionOutcome } from './action-executor';
import { type ActionRequest } from './action-request';
import { type BulkTarget, planBulk } from './bulk-planner';
import { BULK_CONCURRENCY, BulkRun, runPlan } from './bulk-runner';
import { defined } from '../../../testing/defined';

const everything = () => true;
function targets(count: number, status = SessionStatus.RUNNING): BulkTarget[] {
  return Array.from({ length: count }, (_, i) => ({
    sessionId: `s${i}`,
    status,
    clientSubmission: true,
    workerSubmission: true,
  }));
}

/** A fake server: every call waits until the test answers it. */
class FakeServer {
  readonly calls: { request: ActionRequest; answer: Subject<ActionOutcome> }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  readonly execute = (request: ActionRequest): Observable<ActionOutcome> => {
    const answer = new Subject<ActionOutcome>();
    this.calls.push({ request, answer });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return answer.pipe(finalize(() => (this.inFlight -= 1)));
  };
  succeed(index: number): void {
    const { answer } = defined(this.calls[index], `call #${index}`);
    answer.next({ ok: true, session: undefined });
    answer.complete();
  }
  refuse(index: number, reason: string): void {
    const { answer } = defined(this.calls[index], `call #${index}`);
    answer.next({ ok: false, error: new ApiError(Code.FailedPrecondition, reason) });
    answer.complete();
  }
}

describe('bulk runner', () => {
  it(`never has more than ${BULK_CONCURRENCY} calls on the wire`, () => {
    const server = new FakeServer();
    const plan = planBulk('close', targets(20), everything);
    const lines: unknown[] = [];
    runPlan(plan, server.execute, () => false).subscribe((line) => lines.push(line));
    expect(server.calls).toHaveLength(6);
    for (let i = 0; i < 20; i++) server.succeed(i);
    expect(server.maxInFlight).toBe(6);
    expect(lines).toHaveLength(20);
  });

  it('sends nothing for skipped sessions', async () => {
    const server = new FakeServer();
    const selection = [...targets(2), ...targets(3, SessionStatus.CANCELLED)].map((t, i) => ({
      ...t,
      sessionId: `x${i}`,
    }));
    const plan = planBulk('close', selection, everything);
    const done = firstValueFrom(runPlan(plan, server.execute, () => false).pipe(toArray()));
    server.succeed(0);
    server.succeed(1);
    await done;
    expect(server.calls.map((c) => c.request.sessionId)).toEqual(['x0', 'x1']);
  });

  it('reports failures with the server reason, and skipped sessions with theirs', () => {
    const server = new FakeServer();
    const selection = [
      ...targets(2),
      {
        sessionId: 'c',
        status: SessionStatus.CANCELLED,
        clientSubmission: false,
        workerSubmission: false,
      },
    ];
    const run = new BulkRun(planBulk('close', selection, everything), server.execute);
    run.start();
    server.succeed(0);
    server.refuse(1, 'Cannot close a session with status Closed');
    expect(run.finished()).toBe(true);
    expect(run.counts()).toEqual({ succeeded: 1, failed: 1, skipped: 1, notRun: 0 });
    expect(run.lines().find((l) => l.sessionId === 's1')).toMatchObject({
      outcome: 'failed',
      code: 'FAILED_PRECONDITION',
      message: 'Cannot close a session with status Closed',
    });
    expect(run.lines().find((l) => l.sessionId === 'c')).toMatchObject({
      outcome: 'skipped',
      refusal: 'status',
    });
  });

  it('stops: calls on the wire finish, the rest are not run', () => {
    const server = new FakeServer();
    const run = new BulkRun(planBulk('pause', targets(10), everything), server.execute);
    run.start();
    expect(run.progress()).toBe(0);
    run.requestStop();
    for (let i = 0; i < 6; i++) server.succeed(i);
    expect(server.calls).toHaveLength(6);
    expect(run.finished()).toBe(true);
    expect(run.counts()).toEqual({ succeeded: 6, failed: 0, skipped: 0, notRun: 4 });
    expect(run.progress()).toBe(100);
  });

  it('passes the Stop submission choice with every call', () => {
    const server = new FakeServer();
    const plan = planBulk('stopSubmission', targets(2), everything);
    const run = new BulkRun(plan, server.execute, { client: true, worker: false });
    run.start();
    expect(server.calls.map((c) => c.request.stop)).toEqual([
      { client: true, worker: false },
      { client: true, worker: false },
    ]);
  });
});
