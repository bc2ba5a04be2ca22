import { MatButtonHarness } from '@angular/material/button/testing';
import { provideRouter } from '@angular/router';

import { openDialogForTest } from '../../../testing/dialogs.spec-helper';
import { TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { CancelReportDialog, type CancelReportData } from './cancel-report-dialog';

describe('cancel report dialog', () => {
  it('tells what became of each task, and Close is no choice', async () => {
    const { dialog, choices, isClosed, fixture } = await openDialogForTest<
      CancelReportDialog,
      CancelReportData
    >(
      CancelReportDialog,
      {
        data: {
          lines: [
            { taskId: 't-1', outcome: 'cancelled', status: TaskStatus.CANCELLED },
            {
              taskId: 't-2',
              outcome: 'failed',
              code: 'FAILED_PRECONDITION',
              reason: 'Task t-2 is Completed',
            },
          ],
        },
      },
      [provideRouter([])],
    );
    const text = await dialog.getContentText();
    expect(text).toContain('t-1');
    expect(text).toContain('FAILED_PRECONDITION: Task t-2 is Completed');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Close' }))).click();
    await fixture.whenStable();
    expect(isClosed()).toBe(true);
    expect(choices).toEqual([]);
  });
});
