import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatProgressSpinnerHarness } from '@angular/material/progress-spinner/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { create } from '@bufbuild/protobuf';
import { Subject } from 'rxjs';

import { SessionRawSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { openDialogForTest } from '../../../testing/dialogs.spec-helper';
import { type SessionAction } from '../session-rules';
import { ActionDialog, type ActionDialogData, type ActionDialogResult } from './action.dialog';
import { type BulkTarget, planBulk } from './bulk-planner';
import { type TaskCounts, TaskCountsReader, toCounts } from './session-task-counts';
import { defined } from '../../../testing/defined';

const session = create(SessionRawSchema, {
  sessionId: 'sess-1',
  status: SessionStatus.RUNNING,
  clientSubmission: true,
  workerSubmission: true,
});

const running = (sessionId: string): BulkTarget => ({
  sessionId,
  status: SessionStatus.RUNNING,
  clientSubmission: true,
  workerSubmission: true,
});

/** The dialog with a `send` that records every call and answers when the test says so. */
async function setUp(action: SessionAction, target?: ActionDialogData['target'], withSend = true) {
  const counts = new Subject<TaskCounts>();
  const answer = new Subject<void>();
  const sent: ActionDialogResult[] = [];
  const opened = await openDialogForTest<ActionDialog, ActionDialogData>(
    ActionDialog,
    {
      data: {
        action,
        target: target ?? { kind: 'single', session },
        ...(withSend
          ? {
              send: (choice: ActionDialogResult) => {
                sent.push(choice);
                return answer;
              },
            }
          : {}),
      },
    },
    [{ provide: TaskCountsReader, useValue: { count: () => counts } }],
  );
  const button = (text: string | RegExp) =>
    opened.dialog.getHarness(MatButtonHarness.with({ text }));
  const tick = async (ms: number) => {
    jest.advanceTimersByTime(ms);
    await opened.fixture.whenStable();
  };
  return { ...opened, counts, answer, sent, button, tick };
}

beforeEach(() =>
  jest.useFakeTimers({
    doNotFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'queueMicrotask'],
  }),
);
afterEach(() => jest.useRealTimers());

describe('session action dialog: the buttons say what they do', () => {
  it('names the dismiss "Keep session" and the confirm after the action, focused on Keep', async () => {
    const { button } = await setUp('cancel');
    const keep = await button('Keep session');
    // The initial focus (jsdom has no layout to move focus by; the e2e journeys check focus).
    expect(await (await keep.host()).getAttribute('cdkFocusInitial')).not.toBeNull();
    expect(await (await button('Cancel session')).isDisabled()).toBe(true);
    expect(await button(/^Cancel$/).catch(() => undefined)).toBeUndefined();
  });

  it('counts the sessions of a bulk plan on both buttons', async () => {
    const plan = planBulk('delete', [running('a'), running('b')], () => true);
    const { button } = await setUp('delete', { kind: 'bulk', plan });
    expect(await button('Keep 2 sessions')).toBeTruthy();
    expect(await button('Delete 2 sessions')).toBeTruthy();
  });

  it('states the impact from the task counts', async () => {
    const { dialog, counts, fixture } = await setUp('cancel');
    expect(await dialog.getContentText()).toContain("Counting the session's tasks");
    counts.next(
      toCounts([
        { status: TaskStatus.SUBMITTED, count: 10 },
        { status: TaskStatus.COMPLETED, count: 4 },
      ]),
    );
    await fixture.whenStable();
    expect(await dialog.getContentText()).toContain('Cancels 10 unfinished tasks');
  });
});

describe('session action dialog: no way out sends anything', () => {
  it('Keep session closes it dismissed, even once armed', async () => {
    const { button, tick, choices, sent, isClosed } = await setUp('cancel');
    await tick(3_000);
    await (await button('Keep session')).click();
    await tick(500);
    expect(isClosed()).toBe(true);
    expect(choices).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('Keep session in the Delete dialog sends nothing, even with the word typed', async () => {
    const { dialog, button, tick, choices, sent, isClosed } = await setUp('delete');
    await (await dialog.getHarness(MatInputHarness)).setValue('delete');
    await (await button('Keep session')).click();
    await tick(500);
    expect(isClosed()).toBe(true);
    expect(choices).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('Escape closes it dismissed', async () => {
    const { dialog, tick, choices, sent, isClosed } = await setUp('close');
    await tick(3_000);
    await dialog.close();
    await tick(500);
    expect(isClosed()).toBe(true);
    expect(choices).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('a backdrop click closes it dismissed', async () => {
    const { tick, choices, sent, isClosed } = await setUp('purge');
    await tick(3_000);
    defined(document.querySelector<HTMLElement>('.cdk-overlay-backdrop'), 'a backdrop').click();
    await tick(500);
    expect(isClosed()).toBe(true);
    expect(choices).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('navigation or teardown (the dialog closed from outside) is a dismissal', async () => {
    const { ref, tick, choices, sent, isClosed } = await setUp('stopSubmission');
    ref.close(); // what closeOnNavigation and MatDialog.closeAll do
    await tick(500);
    expect(isClosed()).toBe(true);
    expect(choices).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('Confirm does nothing before it arms', async () => {
    const { button, tick, sent, isClosed } = await setUp('cancel');
    const confirm = await button('Cancel session');
    await tick(2_000);
    expect(await confirm.isDisabled()).toBe(true);
    await (await confirm.host()).dispatchEvent('click');
    expect(sent).toEqual([]);
    expect(isClosed()).toBe(false);
  });

  it('Enter in the Delete field sends nothing until the word matches', async () => {
    const { dialog, sent, isClosed } = await setUp('delete');
    const field = await dialog.getHarness(MatInputHarness);
    await field.setValue('Delete');
    await (await field.host()).sendKeys('\n');
    await field.setValue('delet');
    await (await field.host()).dispatchEvent('keydown', { key: 'Enter' });
    expect(sent).toEqual([]);
    expect(isClosed()).toBe(false);
  });
});

describe('session action dialog: a confirmation is one request', () => {
  it('arms after 3 s; a double click sends once, shows progress, closes when answered', async () => {
    const { dialog, button, tick, answer, sent, choices, isClosed } = await setUp('cancel');
    await tick(3_000);
    const confirm = await button('Cancel session');
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await (await confirm.host()).dispatchEvent('click');
    expect(sent).toEqual([{}]);
    // Waiting for the server: progress shown, no way out, still open.
    expect(await dialog.getHarness(MatProgressSpinnerHarness)).toBeTruthy();
    expect(await dialog.getActionsText()).toContain("waiting for the server's answer");
    expect(await (await button('Keep session')).isDisabled()).toBe(true);
    await dialog.close();
    await tick(500);
    expect(isClosed()).toBe(false);

    answer.complete();
    await tick(500);
    expect(isClosed()).toBe(true);
    expect(choices).toEqual([{}]);
  });

  it('Delete confirms from Enter in the field once the word matches, once', async () => {
    const { dialog, sent, answer, choices, tick } = await setUp('delete');
    const field = await dialog.getHarness(MatInputHarness);
    await field.setValue('delete');
    const host = await field.host();
    await host.dispatchEvent('keydown', { key: 'Enter' });
    await host.dispatchEvent('keydown', { key: 'Enter' });
    expect(sent).toEqual([{}]);
    answer.complete();
    await tick(500);
    expect(choices).toEqual([{}]);
  });

  it('returns the Stop submission choice', async () => {
    const { dialog, button, tick, sent } = await setUp('stopSubmission');
    await (await dialog.getHarness(MatRadioButtonHarness.with({ label: 'Workers only' }))).check();
    await tick(3_000);
    await (await button('Stop submission')).click();
    expect(sent).toEqual([{ stop: { client: false, worker: true } }]);
  });

  it('never arms when no selected session allows the action', async () => {
    const plan = planBulk('purge', [running('a')], () => true);
    const { dialog, button, tick } = await setUp('purge', { kind: 'bulk', plan });
    await tick(5_000);
    expect(await (await button('Keep session')).isDisabled()).toBe(false);
    expect(await (await button('Purge 0 sessions')).isDisabled()).toBe(true);
    expect(await dialog.getContentText()).toContain('nothing will be sent');
  });

  it('a bulk plan closes confirmed at once (the run dialog then sends)', async () => {
    const plan = planBulk('close', [running('a'), running('b')], () => true);
    const { button, tick, choices, isClosed } = await setUp('close', { kind: 'bulk', plan }, false);
    await tick(3_000);
    const confirm = await button('Close 2 sessions');
    await confirm.click();
    await tick(500);
    expect(isClosed()).toBe(true);
    expect(choices).toHaveLength(1);
  });
});
