import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { provideRouter } from '@angular/router';
import { create } from '@bufbuild/protobuf';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';

import en from '../../i18n/en.json';
import { SessionRawSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { decodeGroup } from '../../grid/model/url-codec';
import { SessionActionsCell } from './session-actions-cell';
import { SessionActionsMenu } from './session-actions-menu';
import { SessionActions } from './session-actions';

const session = (sessionId: string, partition: string) =>
  create(SessionRawSchema, {
    sessionId,
    status: SessionStatus.RUNNING,
    partitionIds: [partition],
  });

/** Two rows' cells and the grid's one menu, as the sessions page lays them out. */
@Component({
  imports: [SessionActionsCell, SessionActionsMenu],
  template: `
    <app-session-actions-menu #rowMenu />
    @for (row of rows; track row.sessionId) {
      <app-session-actions-cell [session]="row" [menu]="rowMenu.menu()" />
    }
  `,
})
class TwoRows {
  readonly rows = [session('s-1', 'default'), session('s-2', 'gpu')];
}

/** A row's menu, in English, opened through its harness (no action offered). */
async function openMenu(id: string) {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([]),
      provideTranslateService({ lang: 'en' }),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SessionActions, useValue: { shown: () => [], request: jest.fn() } },
    ],
  });
  const translate = TestBed.inject(TranslateService);
  translate.setTranslation('en', en);
  translate.use('en');
  const fixture = TestBed.createComponent(TwoRows);
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const menu = await loader.getHarness(
    MatMenuHarness.with({ selector: `[aria-label="Actions for session ${id}"]` }),
  );
  await menu.open();
  return menu;
}

describe('session actions menu', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('offers the copy and the four drill-downs, each leading to its grid filtered on the session', async () => {
    const menu = await openMenu('s-1');
    const items = await menu.getItems();
    const texts = await Promise.all(items.map((item) => item.getText()));
    // A harness reads the icon's ligature name too (hidden from assistive technology).
    expect(texts.map((text) => text.replace(/^[a-z0-9_]+(?=[A-Z])/, ''))).toEqual([
      'Copy session ID',
      'See session',
      'See tasks',
      'See results',
      'See partitions',
    ]);

    const hrefs = await Promise.all(
      items.slice(1).map(async (item) => (await item.host()).getAttribute('href')),
    );
    const [session, ...grids] = hrefs.map((href) => new URL(href ?? '', 'http://console'));
    expect(session?.pathname).toBe('/sessions/s-1');
    expect(grids.map((url) => url.pathname)).toEqual(['/tasks', '/results', '/partitions']);
    expect(grids.map((url) => decodeGroup(url.searchParams.get('f') ?? ''))).toEqual([
      [{ field: 'sessionId', op: 'eq', values: ['s-1'] }],
      [{ field: 'sessionId', op: 'eq', values: ['s-1'] }],
      [{ field: 'id', op: 'eq', values: ['default'] }],
    ]);
  });

  it('opens with the session of the row whose button was pressed', async () => {
    const menu = await openMenu('s-2');
    const items = await menu.getItems();
    const hrefs = await Promise.all(
      items.slice(1).map(async (item) => (await item.host()).getAttribute('href')),
    );
    const urls = hrefs.map((href) => new URL(href ?? '', 'http://console'));
    expect(urls[0]?.pathname).toBe('/sessions/s-2');
    expect(decodeGroup(urls[3]?.searchParams.get('f') ?? '')).toEqual([
      { field: 'id', op: 'eq', values: ['gpu'] },
    ]);
  });
});
