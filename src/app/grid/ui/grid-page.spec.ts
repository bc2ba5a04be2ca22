import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatTableHarness } from '@angular/material/table/testing';

import type { ResourceDefinition } from '../model/definition';
import {
  configureWidgetGridHost,
  fakeScreenForVirtualScroll,
  settleGrid,
} from '../../../testing/grid.spec-helper';
import { WIDGETS, type Widget, widget } from '../../../testing/widgets.spec-helper';
import { GridStore } from '../state/grid.store';
import { provideGrid } from '../state/provide-grid';
import { GridPage } from './grid-page';
import { defined } from '../../../testing/defined';

/** The widgets fixture under words the catalogs have (the sessions'), so the test reads English. */
const DEFINITION: ResourceDefinition<Widget> = {
  ...WIDGETS,
  labels: {
    ...WIDGETS.labels,
    title: 'sessions.title',
    selectRow: 'sessions.selectRow',
    selectPage: 'sessions.selectPage',
  },
  pinned: ['id', 'state'],
  quick: {
    status: {
      column: 'state',
      label: 'sessions.quickStatus',
      keys: ['on', 'off', 'gone'],
      presets: [
        { label: 'sessions.activeOnly', keys: ['on', 'off'] },
        { label: 'sessions.finishedOnly', keys: ['gone'] },
      ],
    },
  },
  list: () => async (request) => {
    const rows = Array.from({ length: 30 }, (_, i) => widget(`w${i}`, (i % 3) + 1));
    const start = request.page * request.pageSize;
    return { rows: rows.slice(start, start + request.pageSize), total: rows.length };
  },
};

@Component({
  selector: 'app-test-grid-host',
  imports: [GridPage],
  providers: [provideGrid(DEFINITION)],
  template: `<app-grid-page />`,
})
class Host {}

beforeEach(fakeScreenForVirtualScroll);

async function render() {
  await configureWidgetGridHost(['id', 'state', 'name']);
  const fixture = TestBed.createComponent(Host);
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const settle = () => settleGrid(fixture);
  await settle();
  const table = await loader.getHarness(MatTableHarness);
  const element = fixture.nativeElement as HTMLElement;
  const page = defined(fixture.debugElement.children[0], 'the grid page');
  const store = page.injector.get(GridStore) as GridStore<Widget>;
  return { fixture, loader, table, element, store, settle };
}

describe('the grid page (through Material harnesses)', () => {
  it('shows the page’s rows in a grid with one tab stop', async () => {
    const { table, element } = await render();
    const rows = await table.getRows();
    expect(rows.length).toBeGreaterThan(0);
    expect((await defined(rows[0], 'a first row').getCellTextByColumnName())['id']).toBe('w0');
    const grid = defined(element.querySelector('[role="grid"]'), 'a grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('31');
    expect(rows.length).toBeLessThanOrEqual(10);
    const stops = [...grid.querySelectorAll<HTMLElement>('*')].filter((e) => e.tabIndex === 0);
    expect(stops).toHaveLength(1);
  });

  it('moves between cells with the arrow keys and selects a row with Space', async () => {
    const { loader, element, settle } = await render();
    const grid = defined(element.querySelector('[role="grid"]'), 'a grid');
    const stop = () =>
      defined(
        [...grid.querySelectorAll<HTMLElement>('td, th')].find((c) => c.tabIndex === 0),
        'a cell in the tab order',
      );
    const press = async (key: string) => {
      const target = (document.activeElement as HTMLElement) ?? stop();
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await settle();
    };
    stop().focus();
    await press('ArrowDown');
    const focused = document.activeElement as HTMLElement;
    expect(focused.closest('tr')?.getAttribute('aria-rowindex')).toBe('3');
    expect(stop()).toBe(focused);
    await press(' ');
    const boxes = await loader.getAllHarnesses(MatCheckboxHarness);
    const names = await Promise.all(boxes.map((box) => box.getAriaLabel()));
    const second = defined(boxes[names.indexOf('Select session w1')], 'the checkbox of w1');
    expect(await second.isChecked()).toBe(true);
    await press(' ');
    expect(await second.isChecked()).toBe(false);
  });

  it('offers Active only and Finished only, each selecting exactly its statuses', async () => {
    const { element, store, settle } = await render();
    const toggle = (name: string) =>
      defined(
        [...element.querySelectorAll<HTMLElement>('[role="switch"]')].find(
          (s) => s.textContent?.trim() === name,
        ),
        `the ${name} switch`,
      );
    const checked = (name: string) => toggle(name).getAttribute('aria-checked') === 'true';
    toggle('Finished only').click();
    await settle();
    expect(store.view().filters.statuses).toEqual(['gone']);
    expect(checked('Finished only')).toBe(true);
    expect(checked('Active only')).toBe(false);
    toggle('Active only').click();
    await settle();
    expect(store.view().filters.statuses).toEqual(['on', 'off']);
    expect(checked('Finished only')).toBe(false);
    toggle('Active only').click();
    await settle();
    expect(store.view().filters.statuses).toEqual([]);
  });

  it('filters by status from the status listbox, by click and from the keyboard', async () => {
    const { element, store, settle } = await render();
    const listbox = defined(element.querySelector<HTMLElement>('[role="listbox"]'), 'a listbox');
    expect(listbox.getAttribute('aria-multiselectable')).toBe('true');
    const options = () => [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];
    const selected = () =>
      options()
        .filter((o) => o.getAttribute('aria-selected') === 'true')
        .map((o) => o.textContent?.trim());
    // One tab stop for the whole listbox.
    expect(options().filter((o) => o.tabIndex === 0)).toHaveLength(1);

    defined(options()[1], 'a second status').click();
    await settle();
    expect(store.view().filters.statuses).toEqual(['off']);
    expect(selected()).toHaveLength(1);

    // Keys go to the option that has focus (the listbox's one tab stop).
    const key = (k: string) =>
      (document.activeElement ?? listbox).dispatchEvent(
        new KeyboardEvent('keydown', { key: k, bubbles: true }),
      );
    defined(options()[0], 'a first status').focus();
    key('Home');
    key(' ');
    await settle();
    expect(store.view().filters.statuses).toEqual(['off', 'on']);
    expect(document.activeElement).toBe(options()[0]);
    key('Enter');
    await settle();
    expect(store.view().filters.statuses).toEqual(['off']);
    key('End');
    expect(document.activeElement).toBe(options()[options().length - 1]);
  });

  it('switches to compact rows from the toolbar, by click and with the arrow keys', async () => {
    const { store, element, settle } = await render();
    const group = defined(
      element.querySelector<HTMLElement>('[role="radiogroup"][aria-label="Row density"]'),
      'the density radio group',
    );
    const radios = [...group.querySelectorAll<HTMLElement>('[role="radio"]')];
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual(['Comfortable', 'Compact']);
    const [comfortable, compact] = radios.map((r, i) => defined(r, `radio ${i}`));
    compact?.click();
    await settle();
    expect(store.preferences.density()).toBe('compact');
    expect(compact?.getAttribute('aria-checked')).toBe('true');
    expect(comfortable?.getAttribute('aria-checked')).toBe('false');
    let frame: HTMLElement | null = element.querySelector<HTMLElement>('[role="grid"]');
    while (frame && !frame.style.getPropertyValue('--row-h')) frame = frame.parentElement;
    expect(frame?.style.getPropertyValue('--row-h')).toBe('32px');

    compact?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await settle();
    expect(store.preferences.density()).toBe('comfortable');
    expect(document.activeElement).toBe(comfortable);
    expect(comfortable?.tabIndex).toBe(0);
    expect(compact?.tabIndex).toBe(-1);
  });
});
