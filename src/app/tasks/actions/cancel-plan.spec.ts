import { TestBed } from '@angular/core/testing';
import { Code, ConnectError } from '@connectrpc/connect';
import { firstValueFrom } from 'rxjs';

import { TASKS_CLIENT } from '../../api/clients';
import { TaskStatus as S } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { cancelLines, countOutcomes, planCancel } from './cancel-plan';
import { CANCEL_CHUNK, TaskCanceller } from './task-canceller';

describe('cancel plan', () => {
  it('sends only tasks that can still be cancelled, once each', () => {
    const plan = planCancel([
      { id: 'a', status: S.PROCESSING },
      { id: 'b', status: S.COMPLETED },
      { id: 'c', status: S.CANCELLING },
      { id: 'a', status: S.PROCESSING },
      { id: 'd', status: S.PAUSED },
    ]);
    expect(plan.send).toEqual(['a', 'd']);
    expect(plan.skipped).toEqual([
      { taskId: 'b', outcome: 'finished', status: S.COMPLETED },
      { taskId: 'c', outcome: 'alreadyCancelled', status: S.CANCELLING },
    ]);
  });

  it('reads what CancelTasks answered, task by task', () => {
    const lines = cancelLines(
      ['a', 'b', 'c', 'd'],
      [
        { id: 'a', status: S.CANCELLING },
        { id: 'b', status: S.ERROR },
        { id: 'd', status: S.PROCESSING },
      ],
    );
    expect(lines).toEqual([
      { taskId: 'a', outcome: 'cancelled', status: S.CANCELLING },
      { taskId: 'b', outcome: 'finished', status: S.ERROR },
      { taskId: 'c', outcome: 'notFound' },
      { taskId: 'd', outcome: 'unchanged', status: S.PROCESSING },
    ]);
    expect(countOutcomes(lines)).toEqual({
      cancelled: 1,
      alreadyCancelled: 0,
      finished: 1,
      notFound: 1,
      unchanged: 1,
      failed: 0,
    });
  });
});

describe('TaskCanceller', () => {
  function setup(cancelTasks: jest.Mock) {
    TestBed.configureTestingModule({
      providers: [{ provide: TASKS_CLIENT, useValue: { cancelTasks } }],
    });
    return TestBed.inject(TaskCanceller);
  }

  it('sends large selections in chunks and reports every task', async () => {
    const cancelTasks = jest.fn(({ taskIds }: { taskIds: string[] }) =>
      Promise.resolve({ tasks: taskIds.map((id) => ({ id, status: S.CANCELLING })) }),
    );
    const ids = Array.from({ length: CANCEL_CHUNK + 5 }, (_, i) => `t${i}`);
    const lines = await firstValueFrom(setup(cancelTasks).cancel(ids));
    expect(cancelTasks).toHaveBeenCalledTimes(2);
    expect(lines.map((line) => line.taskId)).toEqual(ids);
    expect(lines.every((line) => line.outcome === 'cancelled')).toBe(true);
  });

  it('turns a failed call into failed lines with the code and the reason', async () => {
    const cancelTasks = jest
      .fn()
      .mockRejectedValue(new ConnectError('not allowed', Code.PermissionDenied));
    const lines = await firstValueFrom(setup(cancelTasks).cancel(['a']));
    expect(lines).toEqual([
      { taskId: 'a', outcome: 'failed', code: 'PERMISSION_DENIED', reason: 'not allowed' },
    ]);
  });
});
