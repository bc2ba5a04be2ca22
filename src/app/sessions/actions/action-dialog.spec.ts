import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { create } from '@bufbuild/protobuf';
import { provideTranslateService } from '@ngx-translate/core';
import { Subject } from 'rxjs';

import { SessionRawSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { type SessionAction } from '../session-rules';
import { ActionDialog, type ActionDialogData } from './action-dialog';
import { planBulk } from './bulk-planner';
import { type TaskCounts, TaskCountsReader, toCounts } from './session-task-counts';

const session = create(SessionRawSchema, {
  sessionId: 'sess-1',
  status: SessionStatus.RUNNING,
  clientSubmission: true,
  workerSubmission: true,
});

function setUp(data: ActionDialogData) {
  const counts = new Subject<TaskCounts>();
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [ActionDialog],
    providers: [
      provideTranslateService(),
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
      { provide: TaskCountsReader, useValue: { count: () => counts } },
    ],
  });
  const fixture = TestBed.createComponent(ActionDialog);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const confirm = () =>
    [...element.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('actions.dialog.confirm'),
    )!;
  return { fixture, element, counts, close, confirm };
}

const single = (action: SessionAction): ActionDialogData => ({
  action,
  target: { kind: 'single', session },
});

describe('action confirmation dialog', () => {
  afterEach(() => jest.useRealTimers());

  it('arms Confirm only after a visible 3-second countdown', () => {
    jest.useFakeTimers();
    const { fixture, element, close, confirm } = setUp(single('cancel'));
    expect(confirm().disabled).toBe(true);
    expect(element.querySelector('[role="timer"]')).not.toBeNull();
    confirm().click();
    expect(close).not.toHaveBeenCalled();

    jest.advanceTimersByTime(2_000);
    fixture.detectChanges();
    expect(confirm().disabled).toBe(true);

    jest.advanceTimersByTime(1_000);
    fixture.detectChanges();
    expect(confirm().disabled).toBe(false);
    expect(element.querySelector('[role="timer"]')).toBeNull();
    confirm().click();
    expect(close).toHaveBeenCalledWith({});
  });

  it('states the impact from the task counts', () => {
    const { fixture, element, counts } = setUp(single('cancel'));
    expect(element.textContent).toContain('actions.dialog.impactLoading');
    counts.next(
      toCounts([
        { status: TaskStatus.SUBMITTED, count: 10 },
        { status: TaskStatus.COMPLETED, count: 4 },
      ]),
    );
    fixture.detectChanges();
    expect(element.textContent).toContain('actions.dialog.impact.cancel');
  });

  it('arms Delete only once "delete" is typed', async () => {
    const { fixture, element, close, confirm } = setUp(single('delete'));
    const input = element.querySelector('input')!;
    expect(confirm().disabled).toBe(true);
    input.value = 'Delet';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(confirm().disabled).toBe(true);
    input.value = 'delete';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(confirm().disabled).toBe(false);
    confirm().click();
    expect(close).toHaveBeenCalledWith({});
  });

  it('returns the Stop submission choice', () => {
    jest.useFakeTimers();
    const { fixture, element, close, confirm } = setUp(single('stopSubmission'));
    const workersOnly = [...element.querySelectorAll('mat-radio-button')].find((r) =>
      r.textContent?.includes('actions.dialog.stop.worker'),
    )!;
    workersOnly.querySelector('input')!.click();
    jest.advanceTimersByTime(3_000);
    fixture.detectChanges();
    confirm().click();
    expect(close).toHaveBeenCalledWith({ stop: { client: false, worker: true } });
  });

  it('never arms when no selected session allows the action', () => {
    jest.useFakeTimers();
    const plan = planBulk(
      'purge',
      [
        {
          sessionId: 'a',
          status: SessionStatus.RUNNING,
          clientSubmission: true,
          workerSubmission: true,
        },
      ],
      () => true,
    );
    const { fixture, element, confirm } = setUp({
      action: 'purge',
      target: { kind: 'bulk', plan },
    });
    jest.advanceTimersByTime(5_000);
    fixture.detectChanges();
    expect(confirm().disabled).toBe(true);
    expect(element.textContent).toContain('actions.dialog.bulkNone');
    expect(element.textContent).toContain('actions.dialog.skipGroup.status');
  });
});
