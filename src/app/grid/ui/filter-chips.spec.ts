import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

import { openGridComponent } from '../../../testing/grid.spec-helper';
import { defined } from '../../../testing/defined';
import { FilterChips } from './filter-chips';

/** Two OR-groups on the test resource, plus a quick search shared by both. */
const URL = '/?f=size:gt:5&f=id:sw:ab;done:eq:true&q=x&sort=id:asc&page=1&size=25&cols=id';

/** The chips' remove buttons, found by their accessible name ("Remove filter: …"). */
function removeButtons(root: HTMLElement): HTMLButtonElement[] {
  return [...root.querySelectorAll('button')].filter((b) =>
    (b.getAttribute('aria-label') ?? '').startsWith('Remove filter: '),
  );
}

describe('filter chips', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('shows nothing when nothing is filtered', async () => {
    const ui = await openGridComponent(FilterChips, {
      url: '/?sort=id:asc&page=1&size=25&cols=id',
    });
    expect(removeButtons(ui.fixture.nativeElement as HTMLElement)).toEqual([]);
  });

  it('shows one removable chip per condition; removing one keeps the others', async () => {
    const ui = await openGridComponent(FilterChips, { url: URL });
    const root = ui.fixture.nativeElement as HTMLElement;
    const removes = removeButtons(root);
    expect(removes.map((b) => b.getAttribute('aria-label'))).toHaveLength(4);
    expect(root.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Active filters');
    const before = ui.store.view().filters;

    defined(removes[1], 'a second chip').click();
    await ui.fixture.whenStable();

    const after = ui.store.view().filters;
    expect(after.search).toBe(before.search);
    expect(after.groups).toEqual(before.groups.slice(1));
    expect(removeButtons(root)).toHaveLength(3);
  });

  it('"Clear filters" removes every condition and the quick search', async () => {
    const ui = await openGridComponent(FilterChips, { url: URL });
    await (await ui.loader.getHarness(MatButtonHarness.with({ text: /Clear/ }))).click();
    await ui.fixture.whenStable();
    expect(ui.store.view().filters).toEqual({ search: '', statuses: [], groups: [] });
    expect(ui.router.url).not.toContain('f=');
  });
});
