import { TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { hasImpactPreview, impactOf } from './impact';
import { toCounts } from './session-task-counts';

describe('impact preview', () => {
  it('counts unfinished, completed and all tasks', () => {
    const counts = toCounts([
      { status: TaskStatus.SUBMITTED, count: 40_000 },
      { status: TaskStatus.PROCESSING, count: 8_000 },
      { status: TaskStatus.PAUSED, count: 210 },
      { status: TaskStatus.COMPLETED, count: 1_204 },
      { status: TaskStatus.ERROR, count: 3 },
      { status: TaskStatus.CANCELLING, count: 5 },
    ]);
    expect(impactOf(counts)).toEqual({ unfinished: 48_210, completed: 1_204, total: 49_422 });
  });

  it('is empty for a session without tasks', () => {
    expect(impactOf(toCounts([]))).toEqual({ unfinished: 0, completed: 0, total: 0 });
  });

  it('is previewed for cancel, close, purge and delete only', () => {
    expect(
      (['pause', 'resume', 'cancel', 'close', 'purge', 'stopSubmission', 'delete'] as const).filter(
        hasImpactPreview,
      ),
    ).toEqual(['cancel', 'close', 'purge', 'delete']);
  });
});
