import { Component, input, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { Router, provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';

import en from '../../i18n/en.json';
import { ActionsMenu, type MenuItem } from './actions-menu';
import { RowMenuButton } from './row-menu-button';

interface Row {
  readonly id: string;
  readonly owner?: string;
}

/** Rows' ⋮ buttons and the grid's one menu, as a resource grid page lays them out. */
@Component({
  imports: [ActionsMenu, RowMenuButton],
  template: `
    <app-actions-menu #rowMenu [items]="items()" />
    @for (row of rows(); track row.id) {
      <app-row-menu-button
        [menu]="rowMenu.menu()"
        [row]="row"
        labelKey="results.rowActions"
        [id]="row.id"
      />
    }
  `,
})
class Rows {
  readonly rows = input.required<readonly Row[]>();
  readonly items = input.required<(row: Row) => readonly MenuItem[]>();
}

/** A row's ⋮ menu, in English, through MatMenuHarness: found by its accessible name. */
async function openMenu(
  rows: readonly Row[],
  id: string,
  items: (row: Row) => readonly MenuItem[],
) {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([{ path: '**', children: [] }]),
      provideTranslateService({ lang: 'en' }),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const translate = TestBed.inject(TranslateService);
  translate.setTranslation('en', en);
  translate.use('en');
  const fixture = TestBed.createComponent(Rows);
  fixture.componentRef.setInput('rows', rows);
  fixture.componentRef.setInput('items', items);
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const menu = await loader.getHarness(
    MatMenuHarness.with({ selector: `[aria-label="Actions for result ${id}"]` }),
  );
  return { fixture, menu, router: TestBed.inject(Router) };
}

const items = (ran: string[]) => (row: Row) => [
  {
    label: 'results.actions.seeSession',
    icon: 'folder_open',
    link: { commands: ['/sessions', 's1'] },
  },
  ...(row.owner
    ? [
        {
          label: 'results.actions.seeOwnerTask',
          icon: 'task',
          link: { commands: ['/tasks', row.owner] },
        },
      ]
    : []),
  { label: 'results.actions.copyId', icon: 'content_copy', run: () => ran.push(row.id) },
];

describe('actions menu', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('lists the row’s entries in words; an entry the row does not have is absent', async () => {
    const { menu } = await openMenu([{ id: 'r1' }, { id: 'r2', owner: 't2' }], 'r1', items([]));
    await menu.open();
    const texts = await Promise.all((await menu.getItems()).map((item) => item.getText()));
    // The icon's ligature name comes first in the item's text.
    expect(texts.map((text) => text.replace(/^[a-z0-9_]+\s*/, ''))).toEqual([
      'See session',
      'Copy result ID',
    ]);
  });

  it('an action runs for its row; a drill-down navigates', async () => {
    const ran: string[] = [];
    const first = await openMenu([{ id: 'r0' }, { id: 'r1', owner: 't9' }], 'r1', items(ran));
    await first.menu.clickItem({ text: /Copy result ID/ });
    expect(ran).toEqual(['r1']);

    await first.menu.clickItem({ text: /See owner task/ });
    await first.fixture.whenStable();
    expect(first.router.url).toBe('/tasks/t9');
  });
});
