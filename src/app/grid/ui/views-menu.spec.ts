import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';

import { openGridComponent } from '../../../testing/grid.spec-helper';
import { ViewsMenu } from './views-menu';

/** The views menu on a real grid of the test resource, in English, driven through harnesses. */
async function openMenu(url = '/') {
  const grid = await openGridComponent(ViewsMenu, { url });
  const { loader } = grid;
  const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /Views/ }));
  const items = async () => {
    if (!(await menu.isOpen())) await menu.open();
    return Promise.all((await menu.getItems()).map((item) => item.getText()));
  };
  /** Item texts without their icon's ligature name. */
  const words = async () => (await items()).map((text) => text.replace(/^\S+\s+/, ''));
  return { ...grid, menu, words };
}

describe('views menu', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('offers saving, the link and the settings file; managing only once a view is saved', async () => {
    const ui = await openMenu();
    expect(await ui.words()).toEqual([
      'Save current view…',
      'Copy link to this view',
      'Export settings',
      'Import settings…',
    ]);
  });

  it('saves the current view under a name, then lists it and opens it', async () => {
    const ui = await openMenu('/?q=abc&sort=id:asc&page=1&size=25&cols=id,state');
    await ui.menu.clickItem({ text: /Save current view/ });
    const dialog = await ui.documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness)).setValue('Mine');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    await ui.fixture.whenStable();

    expect(ui.preferences.views().map((view) => view.name)).toEqual(['Mine']);
    expect(await ui.words()).toEqual([
      'Save current view…',
      'Mine',
      'Manage views',
      'Copy link to this view',
      'Export settings',
      'Import settings…',
    ]);

    // Elsewhere, then back through the saved view: its filters and sort, on page 1.
    await ui.router.navigateByUrl('/?sort=state:desc&page=3&size=25&cols=id');
    await ui.fixture.whenStable();
    await ui.menu.clickItem({ text: /Mine/ });
    await ui.fixture.whenStable();
    expect(ui.router.url).toContain('q=abc');
    expect(ui.router.url).toContain('sort=id:asc');
    expect(ui.router.url).toContain('page=1');
  });

  it('saves nothing when the name prompt is cancelled', async () => {
    const ui = await openMenu();
    await ui.menu.clickItem({ text: /Save current view/ });
    const dialog = await ui.documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness)).setValue('Not kept');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await ui.fixture.whenStable();

    expect(ui.preferences.views()).toEqual([]);
    expect(await ui.words()).not.toContain('Manage views');
  });
});
