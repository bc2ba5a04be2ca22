import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

import { openGridComponent } from '../../../testing/grid.spec-helper';
import { RefreshControls } from './refresh-controls';

describe('refresh controls', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('Refresh lists the page again', async () => {
    const ui = await openGridComponent(RefreshControls);
    const before = ui.listCalls.length;
    await (await ui.loader.getHarness(MatButtonHarness.with({ text: /Refresh/ }))).click();
    await ui.fixture.whenStable();
    expect(ui.listCalls.length).toBe(before + 1);
  });

  it('offers the auto-refresh periods in words and keeps the one chosen', async () => {
    const ui = await openGridComponent(RefreshControls);
    const period = await ui.loader.getHarness(MatSelectHarness);
    await period.open();
    expect(await Promise.all((await period.getOptions()).map((o) => o.getText()))).toEqual([
      'Off',
      'Every 5 s',
      'Every 10 s',
      'Every 30 s',
      'Every 1 min',
      'Every 5 min',
    ]);
    await period.clickOptions({ text: 'Every 30 s' });
    expect(ui.preferences.refreshMs()).toBe(30_000);
    expect(await period.getValueText()).toBe('Every 30 s');
  });

  it('says how fresh the rows are', async () => {
    const ui = await openGridComponent(RefreshControls);
    ui.fixture.detectChanges();
    expect(ui.fixture.nativeElement.textContent).toMatch(/Updated \d+ s ago/);
  });
});
