import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatTableHarness } from '@angular/material/table/testing';

import type { ResourceDefinition } from '../model/definition';
import {
  configureWidgetGridHost,
  fakeScreenForVirtualScroll,
  settleGrid,
} from '../../../testing/grid.spec-helper';
import { WIDGETS, type Widget, widget } from '../../../testing/widgets.spec-helper';
import { provideGrid } from '../state/provide-grid';
import { GridTable } from './grid-table';

const ROWS: Widget[] = [
  widget('w1', 1, { name: '<b>bold</b>', size: 12345, done: true, born: Date.UTC(2026, 0, 2) }),
  widget('w2', 1, { name: '', size: 0, done: false, born: undefined }),
];

/** A renderer a resource could give for its string columns. */
@Component({
  selector: 'app-test-shout-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<strong>{{ value() }}!</strong>`,
})
class ShoutCell {
  readonly row = input<unknown>();
  readonly column = input<unknown>();
  readonly value = input<unknown>();
}

function hostWith(definition: ResourceDefinition<Widget>) {
  @Component({
    selector: 'app-test-table-host',
    imports: [GridTable],
    providers: [provideGrid(definition)],
    template: `<app-grid-table />`,
  })
  class Host {}
  return Host;
}

beforeEach(fakeScreenForVirtualScroll);

async function render(overrides: Partial<ResourceDefinition<Widget>> = {}) {
  await configureWidgetGridHost(['id', 'name', 'size', 'done', 'born']);
  const fixture = TestBed.createComponent(
    hostWith({
      ...WIDGETS,
      labels: { ...WIDGETS.labels, title: 'sessions.title', selectRow: 'sessions.selectRow' },
      list: () => async () => ({ rows: ROWS, total: ROWS.length }),
      ...overrides,
    }),
  );
  await settleGrid(fixture);
  const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness);
  const element = fixture.nativeElement as HTMLElement;
  /** The cells of a row by column key (the harness names cells by their column). */
  const row = async (index: number) => {
    const rows = await table.getRows();
    const cells = (await rows[index]?.getCellTextByColumnName()) ?? {};
    return cells;
  };
  return { fixture, table, element, row };
}

describe('the table’s text-like cells', () => {
  it('writes strings, numbers, dates and booleans as text in the language of the console', async () => {
    const { row } = await render();
    const first = await row(0);
    expect(first['name']).toBe('<b>bold</b>');
    expect(first['size']).toBe('12,345');
    expect(first['done']).toBe('Yes');
    expect(first['born']).toContain('2026');
    expect((await row(1))['done']).toBe('No');
  });

  it('never turns a value into markup, and isolates its direction', async () => {
    const { element } = await render();
    const cell = element.querySelector('tbody tr td.kind-string');
    expect(cell?.querySelector('b')).toBeNull();
    expect(cell?.querySelector('bdi')?.textContent).toBe('<b>bold</b>');
  });

  it('shows an empty value as a dash that assistive technology does not read', async () => {
    const { element, row } = await render();
    expect((await row(1))['name']).toBe('—');
    const dash = element.querySelectorAll('tbody tr')[1]?.querySelector('td.kind-string bdi');
    expect(dash?.getAttribute('aria-hidden')).toBe('true');
  });

  it('keeps a date’s instant machine-readable and shows its exact form on hover', async () => {
    const { element } = await render();
    const time = element.querySelector('tbody tr td.kind-date time');
    expect(time?.getAttribute('datetime')).toBe('2026-01-02T00:00:00.000Z');
    jest.useFakeTimers();
    try {
      time?.dispatchEvent(new Event('pointerover', { bubbles: true }));
      jest.advanceTimersByTime(1000);
      expect(document.querySelector('[role=tooltip]')?.textContent).toContain(
        '2026-01-02T00:00:00.000Z',
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('uses the definition’s own renderer for a kind it replaces', async () => {
    const { row } = await render({ renderers: { string: ShoutCell } });
    expect((await row(0))['name']).toBe('<b>bold</b>!');
    expect((await row(0))['size']).toBe('12,345');
  });
});
