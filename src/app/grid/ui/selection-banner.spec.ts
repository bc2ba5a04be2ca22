import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

import { openGridComponent } from '../../../testing/grid.spec-helper';
import { widget } from '../../../testing/widgets.spec-helper';
import { SelectionBanner } from './selection-banner';
import { defined } from '../../../testing/defined';

const ROWS = Array.from({ length: 30 }, (_, i) => widget(`w${String(i).padStart(2, '0')}`));

async function openBanner() {
  const ui = await openGridComponent(SelectionBanner, {
    url: '/?sort=id:asc&page=1&size=10&cols=id',
    rows: ROWS,
  });
  const text = () => (ui.fixture.nativeElement as HTMLElement).textContent?.trim() ?? '';
  /** What the table's header checkbox does: every row of the page. */
  const selectPage = async () => {
    const page = ui.store.page().rows.map((row) => [row.id, row] as const);
    ui.store.selection.setPage(page, true);
    await ui.fixture.whenStable();
  };
  return { ...ui, text, selectPage };
}

describe('selection banner', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('says nothing until the whole page is selected', async () => {
    const ui = await openBanner();
    expect(ui.text()).toBe('');
    ui.store.selection.toggle('w00', defined(ui.store.page().rows[0], 'a first row'), []);
    await ui.fixture.whenStable();
    expect(ui.text()).toBe('');
  });

  it('offers every matching row once the page is selected, and takes it back', async () => {
    const ui = await openBanner();
    await ui.selectPage();
    expect(ui.text()).toContain('All 10 rows on this page are selected.');

    await (
      await ui.loader.getHarness(MatButtonHarness.with({ text: 'Select all 30 matching rows' }))
    ).click();
    expect(ui.text()).toContain('All 30 matching rows are selected.');
    expect(ui.store.selection.allMatching()).toBe(true);
    expect(ui.store.selection.count()).toBe(30);

    await (await ui.loader.getHarness(MatButtonHarness.with({ text: 'Clear selection' }))).click();
    expect(ui.store.selection.count()).toBe(0);
    expect(ui.text()).toBe('');
  });
});
