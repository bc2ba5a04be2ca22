import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

import { defined } from '../../../testing/defined';
import { openGridComponent } from '../../../testing/grid.spec-helper';
import { widget } from '../../../testing/widgets.spec-helper';
import { GridPaginator } from './grid-paginator';

/** 1,234 widgets: 50 pages of 25, the last one holding 9. */
const ROWS = Array.from({ length: 1234 }, (_, i) => widget(`w${String(i).padStart(4, '0')}`));

/** The control a visible <label> names (its accessible name), as a user finds it. */
function labelled<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
  const control = label && root.querySelector<T>(`#${label.htmlFor}`);
  return defined(control ?? undefined, `a control labelled "${name}"`);
}

async function open(url = '/?sort=id:asc&page=1&size=25&cols=id') {
  const ui = await openGridComponent(GridPaginator, { url, rows: ROWS });
  ui.fixture.detectChanges();
  await ui.fixture.whenStable();
  const root = ui.fixture.nativeElement as HTMLElement;
  const button = (name: string) =>
    ui.loader.getHarness(MatButtonHarness.with({ selector: `[aria-label="${name}"]` }));
  return { ...ui, root, button };
}

describe('grid paginator', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('says which rows are shown, and cannot go before the first page', async () => {
    const ui = await open();
    expect(ui.root.textContent).toContain('1 – 25 of 1,234');
    expect(await (await ui.button('First page')).isDisabled()).toBe(true);
    expect(await (await ui.button('Previous page')).isDisabled()).toBe(true);
    expect(await (await ui.button('Next page')).isDisabled()).toBe(false);
  });

  it('pages forward and back, into the URL', async () => {
    const ui = await open();
    await (await ui.button('Next page')).click();
    await ui.fixture.whenStable();
    expect(ui.store.view().page).toBe(1);
    expect(ui.router.url).toContain('page=2');
    expect(ui.root.textContent).toContain('26 – 50 of 1,234');
    await (await ui.button('Previous page')).click();
    await ui.fixture.whenStable();
    expect(ui.store.view().page).toBe(0);
  });

  it('jumps to the last page, which holds the remainder, and cannot go past it', async () => {
    const ui = await open();
    await (await ui.button('Last page')).click();
    await ui.fixture.whenStable();
    expect(ui.store.view().page).toBe(49);
    expect(ui.root.textContent).toContain('1,226 – 1,234 of 1,234');
    expect(await (await ui.button('Next page')).isDisabled()).toBe(true);
    expect(await (await ui.button('Last page')).isDisabled()).toBe(true);
    await (await ui.button('First page')).click();
    await ui.fixture.whenStable();
    expect(ui.store.view().page).toBe(0);
  });

  it('a new page size starts again at the first page and becomes the default', async () => {
    const ui = await open('/?sort=id:asc&page=3&size=25&cols=id');
    const size = labelled<HTMLSelectElement>(ui.root, 'Rows per page');
    expect([...size.options].map((o) => o.text.trim())).toEqual([
      '10',
      '25',
      '50',
      '100',
      '500',
      '1000',
    ]);
    expect(size.value).toBe('25');
    size.value = '100';
    size.dispatchEvent(new Event('change'));
    await ui.fixture.whenStable();
    expect(ui.store.view()).toMatchObject({ page: 0, pageSize: 100 });
    expect(ui.router.url).toContain('size=100');
    expect(ui.preferences.pageSize()).toBe(100);
    expect(ui.root.textContent).toContain('1 – 100 of 1,234');
  });

  it('says "0 of 0" with nothing to page, every button disabled', async () => {
    const ui = await openGridComponent(GridPaginator);
    ui.fixture.detectChanges();
    await ui.fixture.whenStable();
    expect((ui.fixture.nativeElement as HTMLElement).textContent).toContain('0 of 0');
    for (const button of await ui.loader.getAllHarnesses(MatButtonHarness)) {
      expect(await button.isDisabled()).toBe(true);
    }
  });
});
