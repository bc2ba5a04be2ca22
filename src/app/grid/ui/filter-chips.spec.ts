import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipHarness } from '@angular/material/chips/testing';

import { openGridComponent } from '../../../testing/grid.spec-helper';
import { defined } from '../../../testing/defined';
import { FilterChips } from './filter-chips';

/** Two OR-groups on the test resource, plus a quick search shared by both. */
const URL = '/?f=size:gt:5&f=id:sw:ab;done:eq:true&q=x&sort=id:asc&page=1&size=25&cols=id';

describe('filter chips', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('shows nothing when nothing is filtered', async () => {
    const ui = await openGridComponent(FilterChips, {
      url: '/?sort=id:asc&page=1&size=25&cols=id',
    });
    expect(await ui.loader.getAllHarnesses(MatChipHarness)).toEqual([]);
  });

  it('shows one removable chip per condition; removing one keeps the others', async () => {
    const ui = await openGridComponent(FilterChips, { url: URL });
    const chips = await ui.loader.getAllHarnesses(MatChipHarness);
    expect(chips).toHaveLength(4);
    const before = ui.store.view().filters;

    await (await defined(chips[1], 'a second chip').getRemoveButton()).click();
    await ui.fixture.whenStable();

    const after = ui.store.view().filters;
    expect(after.search).toBe(before.search);
    expect(after.groups).toEqual(before.groups.slice(1));
    expect(await ui.loader.getAllHarnesses(MatChipHarness)).toHaveLength(3);
  });

  it('"Clear filters" removes every condition and the quick search', async () => {
    const ui = await openGridComponent(FilterChips, { url: URL });
    await (await ui.loader.getHarness(MatButtonHarness.with({ text: /Clear/ }))).click();
    await ui.fixture.whenStable();
    expect(ui.store.view().filters).toEqual({ search: '', statuses: [], groups: [] });
    expect(ui.router.url).not.toContain('f=');
  });
});
