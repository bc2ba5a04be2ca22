import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';

import { openDialogForTest } from '../../../../testing/dialogs.spec-helper';
import { TextPromptDialog, type TextPromptData } from './text-prompt.dialog';

async function setUp() {
  const opened = await openDialogForTest<TextPromptDialog, TextPromptData>(TextPromptDialog, {
    data: {
      title: 'grid.views.saveTitle',
      label: 'grid.views.name',
      confirm: 'grid.views.saveConfirm',
    },
  });
  return {
    ...opened,
    field: await opened.dialog.getHarness(MatInputHarness),
    button: (text: string) => opened.dialog.getHarness(MatButtonHarness.with({ text })),
  };
}

describe('text prompt (save or rename a view)', () => {
  it('Cancel closes it with no name, even with text typed', async () => {
    const { field, button, choices, isClosed, fixture } = await setUp();
    await field.setValue('Mine');
    await (await button('Cancel')).click();
    await fixture.whenStable();
    expect(isClosed()).toBe(true);
    expect(choices).toEqual([]);
  });

  it('Escape closes it with no name', async () => {
    const { dialog, field, choices, isClosed, fixture } = await setUp();
    await field.setValue('Mine');
    await dialog.close();
    await fixture.whenStable();
    expect(isClosed()).toBe(true);
    expect(choices).toEqual([]);
  });

  it('Save, or Enter in the field, answers the trimmed name; a blank one cannot be saved', async () => {
    const { field, button, choices } = await setUp();
    expect(await (await button('Save')).isDisabled()).toBe(true);
    await (await field.host()).dispatchEvent('keydown', { key: 'Enter' });
    expect(choices).toEqual([]);
    await field.setValue('  Paused, oldest first ');
    await (await field.host()).dispatchEvent('keydown', { key: 'Enter' });
    expect(choices).toEqual(['Paused, oldest first']);
  });
});
