import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

import { defined } from '../../../testing/defined';
import { openGridComponent } from '../../../testing/grid.spec-helper';
import { RefreshControls } from './refresh-controls';

/** The control a visible <label> names (its accessible name), as a user finds it. */
function labelled<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
  const control = label && root.querySelector<T>(`#${label.htmlFor}`);
  return defined(control ?? undefined, `a control labelled "${name}"`);
}

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
    ui.fixture.detectChanges();
    const root = ui.fixture.nativeElement as HTMLElement;
    const period = labelled<HTMLSelectElement>(root, 'Auto-refresh interval');
    expect([...period.options].map((o) => o.text.trim())).toEqual([
      'Off',
      'Every 5 s',
      'Every 10 s',
      'Every 30 s',
      'Every 1 min',
      'Every 5 min',
    ]);
    expect(period.selectedOptions[0]?.text.trim()).toBe('Every 10 s');

    period.selectedIndex = 3;
    period.dispatchEvent(new Event('change'));
    await ui.fixture.whenStable();
    expect(ui.preferences.refreshMs()).toBe(30_000);
    expect(period.selectedOptions[0]?.text.trim()).toBe('Every 30 s');
  });

  it('follows a period changed elsewhere (another tab, a reset)', async () => {
    const ui = await openGridComponent(RefreshControls);
    ui.fixture.detectChanges();
    const period = labelled<HTMLSelectElement>(
      ui.fixture.nativeElement as HTMLElement,
      'Auto-refresh interval',
    );
    ui.preferences.update({ refreshMs: 0 });
    await ui.fixture.whenStable();
    expect(period.selectedOptions[0]?.text.trim()).toBe('Off');
  });

  it('says how fresh the rows are', async () => {
    const ui = await openGridComponent(RefreshControls);
    ui.fixture.detectChanges();
    expect(ui.fixture.nativeElement.textContent).toMatch(/Updated \d+ s ago/);
  });
});
