import { MatButtonHarness } from '@angular/material/button/testing';
import { MatProgressSpinnerHarness } from '@angular/material/progress-spinner/testing';
import { Subject } from 'rxjs';

import { ArmedConfirmDialog, type ArmedConfirmData } from './armed-confirm.dialog';
import { openDialogForTest } from '../../testing/dialogs.spec-helper';
import { defined } from '../../testing/defined';

/** The task cancel confirmation, as the tasks pages open it (real English words). */
async function setUp(count: number) {
  const answer = new Subject<void>();
  let sent = 0;
  const opened = await openDialogForTest<ArmedConfirmDialog, ArmedConfirmData>(ArmedConfirmDialog, {
    data: {
      texts: {
        title: 'tasks.cancel.confirm.title',
        message: 'tasks.cancel.confirm.message',
        confirm: count === 1 ? 'tasks.cancel.confirm.confirmOne' : 'tasks.cancel.confirm.confirm',
        dismiss: count === 1 ? 'tasks.cancel.confirm.dismissOne' : 'tasks.cancel.confirm.dismiss',
        arming: 'tasks.cancel.confirm.arming',
        sending: 'tasks.cancel.confirm.sending',
        more: 'tasks.cancel.confirm.more',
      },
      params: { count, skipped: 0 },
      items: Array.from({ length: count }, (_, i) => `task-${i}`),
      danger: true,
      send: () => {
        sent += 1;
        return answer;
      },
    },
  });
  const button = (text: string) => opened.dialog.getHarness(MatButtonHarness.with({ text }));
  const tick = async (ms: number) => {
    jest.advanceTimersByTime(ms);
    await opened.fixture.whenStable();
  };
  return { ...opened, answer, sent: () => sent, button, tick };
}

beforeEach(() =>
  jest.useFakeTimers({
    doNotFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'queueMicrotask'],
  }),
);
afterEach(() => jest.useRealTimers());

describe('armed confirmation (task cancel, view delete, settings import)', () => {
  it('names its buttons after what they do, and lists what it applies to', async () => {
    const { dialog, button } = await setUp(12);
    const keep = await (await button('Keep 12 tasks')).host();
    expect(await keep.getAttribute('cdkFocusInitial')).not.toBeNull();
    expect(await (await button('Cancel 12 tasks')).isDisabled()).toBe(true);
    expect(await dialog.getContentText()).toContain('…and 2 more');
  });

  it.each(['Keep', 'Escape', 'a backdrop click', 'a close from outside (navigation)'])(
    '%s sends nothing, even once armed',
    async (way) => {
      const { dialog, ref, button, tick, choices, sent, isClosed } = await setUp(1);
      await tick(3_000);
      if (way === 'Keep') await (await button('Keep task')).click();
      else if (way === 'Escape') await dialog.close();
      else if (way === 'a backdrop click')
        defined(document.querySelector<HTMLElement>('.cdk-overlay-backdrop'), 'a backdrop').click();
      else ref.close();
      await tick(500);
      expect(isClosed()).toBe(true);
      expect(choices).toEqual([]);
      expect(sent()).toBe(0);
    },
  );

  it('arms after 3 s; a double click sends once and waits, with progress, for the answer', async () => {
    const { dialog, button, tick, answer, choices, sent, isClosed } = await setUp(1);
    const confirm = await button('Cancel task');
    await (await confirm.host()).dispatchEvent('click');
    expect(sent()).toBe(0);
    await tick(3_000);
    await confirm.click();
    await (await confirm.host()).dispatchEvent('click');
    expect(sent()).toBe(1);
    expect(await dialog.getHarness(MatProgressSpinnerHarness)).toBeTruthy();
    await dialog.close();
    await tick(500);
    expect(isClosed()).toBe(false);
    answer.complete();
    await tick(500);
    expect(isClosed()).toBe(true);
    expect(choices).toEqual([true]);
  });
});
