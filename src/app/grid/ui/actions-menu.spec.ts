import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { Router, provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';

import en from '../../i18n/en.json';
import { ActionsMenu, type MenuItem } from './actions-menu';

interface Row {
  readonly id: string;
  readonly owner?: string;
}

/** A row's ⋮ menu, in English, through MatMenuHarness: found by its accessible name. */
async function openMenu(row: Row, items: (row: Row) => readonly MenuItem[]) {
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
  const fixture = TestBed.createComponent(ActionsMenu<Row>);
  fixture.componentRef.setInput('row', row);
  fixture.componentRef.setInput('id', row.id);
  fixture.componentRef.setInput('label', 'results.rowActions');
  fixture.componentRef.setInput('items', items);
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const menu = await loader.getHarness(
    MatMenuHarness.with({ selector: `[aria-label="Actions for result ${row.id}"]` }),
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
    const { menu } = await openMenu({ id: 'r1' }, items([]));
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
    const first = await openMenu({ id: 'r1', owner: 't9' }, items(ran));
    await first.menu.clickItem({ text: /Copy result ID/ });
    expect(ran).toEqual(['r1']);

    await first.menu.clickItem({ text: /See owner task/ });
    await first.fixture.whenStable();
    expect(first.router.url).toBe('/tasks/t9');
  });
});
