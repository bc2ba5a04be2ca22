import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

import { defined } from '../../../testing/defined';
import { openGridComponent } from '../../../testing/grid.spec-helper';
import { QuickFilters } from './quick-filters';

/** The search box (role searchbox), named by the visible label it carries. */
function searchbox(root: HTMLElement): HTMLInputElement {
  return defined(
    root.querySelector<HTMLInputElement>('input[type="search"]') ?? undefined,
    'a search box',
  );
}

const URL = '/?sort=id:asc&page=1&size=25&cols=id';

describe('quick filters: the search box', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('is named by its visible label and shows the search in the URL', async () => {
    const ui = await openGridComponent(QuickFilters, {
      url: '/?q=abc&sort=id:asc&page=1&size=25&cols=id',
    });
    const box = searchbox(ui.fixture.nativeElement as HTMLElement);
    expect([...(box.labels ?? [])].map((l) => l.textContent?.trim())).toEqual(['widgets.search']);
    expect(box.value).toBe('abc');
  });

  it('Enter writes the search into the URL at once; the clear button empties it', async () => {
    const ui = await openGridComponent(QuickFilters, { url: URL });
    const root = ui.fixture.nativeElement as HTMLElement;
    const box = searchbox(root);
    box.value = 'w1';
    box.dispatchEvent(new Event('input'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await ui.fixture.whenStable();
    expect(ui.store.view().filters.search).toBe('w1');
    expect(ui.router.url).toContain('q=w1');

    await (
      await ui.loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Clear search"]' }))
    ).click();
    await ui.fixture.whenStable();
    expect(ui.store.view().filters.search).toBe('');
    expect(searchbox(root).value).toBe('');
    expect(
      await ui.loader.getAllHarnesses(
        MatButtonHarness.with({ selector: '[aria-label="Clear search"]' }),
      ),
    ).toEqual([]);
  });

  it('a search changed elsewhere (back, a removed chip) shows in the box', async () => {
    const ui = await openGridComponent(QuickFilters, {
      url: '/?q=abc&sort=id:asc&page=1&size=25&cols=id',
    });
    ui.store.setFilters({ ...ui.store.view().filters, search: '' });
    await ui.fixture.whenStable();
    expect(searchbox(ui.fixture.nativeElement as HTMLElement).value).toBe('');
  });
});
