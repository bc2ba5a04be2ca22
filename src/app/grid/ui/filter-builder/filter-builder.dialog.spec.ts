import { signal } from '@angular/core';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

import { openDialogForTest } from '../../../../testing/dialogs.spec-helper';
import { defined } from '../../../../testing/defined';
import { WIDGETS, resolveWidgetField } from '../../../../testing/widgets.spec-helper';
import type { FilterGroup, GridFilters } from '../../model/filter-types';
import { GridStore } from '../../state/grid.store';
import { FilterBuilderDialog } from './filter-builder.dialog';

/**
 * The filter builder and its condition editors as an operator uses them: through Material's
 * harnesses, finding controls by the English words on screen. The grid store is a stand-in that
 * records what the builder applies.
 */
async function openBuilder(groups: FilterGroup[] = []) {
  const applied: GridFilters[] = [];
  const filters: GridFilters = { search: 'w', statuses: [], groups };
  const store = {
    definition: WIDGETS,
    resolveField: resolveWidgetField,
    page: signal({ rows: [] }),
    preferences: { customColumns: signal<string[]>([]) },
    view: signal({ filters }),
    setFilters: (next: GridFilters) => applied.push(next),
  };
  const opened = await openDialogForTest(FilterBuilderDialog, {}, [
    { provide: GridStore, useValue: store },
  ]);
  const { loader, fixture } = opened;
  const button = (text: string | RegExp) => loader.getHarness(MatButtonHarness.with({ text }));
  /** An icon button, by its accessible name. */
  const named = (name: string) =>
    loader.getHarness(MatButtonHarness.with({ selector: `[aria-label="${name}"]` }));
  /** The control of the `nth` form field labelled `label` (one per condition). */
  const field = async (label: string, nth = 0) =>
    defined(
      (await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: label })))[nth],
      `form field "${label}" #${nth}`,
    );
  const select = async (label: string, nth = 0) =>
    defined(await (await field(label, nth)).getControl(MatSelectHarness), `a select in "${label}"`);
  const input = async (label: string, nth = 0) =>
    defined(await (await field(label, nth)).getControl(MatInputHarness), `an input in "${label}"`);
  const text = () => (fixture.nativeElement.ownerDocument.body.textContent as string) ?? '';
  return { ...opened, applied, button, named, field, select, input, text };
}

describe('filter builder', () => {
  it('adds a condition, picks its field, operator and value, and applies exactly that', async () => {
    const ui = await openBuilder();
    expect(ui.text()).toContain('No filter: every row is shown.');
    await (await ui.button(/Add a condition/)).click();

    await (await ui.select('Field')).clickOptions({ text: 'w.size' });
    await (await ui.select('Operator')).clickOptions({ text: '>' });
    await (await ui.input('Value')).setValue('42');
    await (await ui.button('Apply')).click();

    expect(ui.applied).toEqual([
      { search: 'w', statuses: [], groups: [[{ field: 'size', op: 'gt', values: ['42'] }]] },
    ]);
    expect(ui.isClosed()).toBe(true);
  });

  it('will not apply a condition that cannot be sent, and says what to fix', async () => {
    const ui = await openBuilder([[{ field: 'size', op: 'eq', values: ['1'] }]]);
    await (await ui.input('Value')).setValue('twelve');

    expect(ui.text()).toContain('Enter a whole number');
    expect(ui.text()).toContain('1 to fix');
    const apply = await ui.button('Apply');
    expect(await apply.isDisabled()).toBe(true);
    await apply.click();
    expect(ui.applied).toEqual([]);
    expect(ui.isClosed()).toBe(false);
  });

  it('Cancel leaves the filters as they were', async () => {
    const ui = await openBuilder([[{ field: 'id', op: 'has', values: ['a'] }]]);
    await (await ui.input('Value')).setValue('b');
    await (await ui.button('Cancel')).click();

    expect(ui.applied).toEqual([]);
    expect(ui.isClosed()).toBe(true);
  });

  it('removes a condition by its named button; an emptied builder applies "no filter"', async () => {
    const ui = await openBuilder([[{ field: 'id', op: 'has', values: ['a'] }]]);
    await (await ui.named('Remove Condition 1 of group 1')).click();
    expect(ui.text()).toContain('No filter: every row is shown.');
    await (await ui.button('Apply')).click();

    expect(ui.applied).toEqual([{ search: 'w', statuses: [], groups: [] }]);
  });

  it('ANDs conditions within a group and ORs groups', async () => {
    const ui = await openBuilder([[{ field: 'id', op: 'has', values: ['a'] }]]);
    await (await ui.button(/Add condition/)).click();
    await (await ui.select('Field', 1)).clickOptions({ text: 'w.done' });
    await (await ui.button(/Add an OR group/)).click();
    // Values: group 1 has a text and a yes/no field, then group 2's text.
    await (await ui.input('Value', 2)).setValue('z');
    await (await ui.button('Apply')).click();

    expect(ui.applied[0]?.groups).toEqual([
      [
        { field: 'id', op: 'has', values: ['a'] },
        { field: 'done', op: 'eq', values: ['true'] },
      ],
      [{ field: 'id', op: 'has', values: ['z'] }],
    ]);
  });
});

describe('condition editor', () => {
  it('a field of another type starts with that type’s operator and an empty value', async () => {
    const ui = await openBuilder([[{ field: 'id', op: 'ew', values: ['abc'] }]]);
    await (await ui.select('Field')).clickOptions({ text: 'w.size' });

    expect(await (await ui.select('Operator')).getValueText()).toBe('=');
    expect(await (await ui.input('Value')).getValue()).toBe('');
    expect(ui.text()).toContain('Enter a value');
  });

  it('a field of the same type keeps the operator and the value', async () => {
    const ui = await openBuilder([[{ field: 'id', op: 'sw', values: ['abc'] }]]);
    await (await ui.select('Field')).clickOptions({ text: 'w.name' });

    expect(await (await ui.select('Operator')).getValueText()).toBe('starts with');
    expect(await (await ui.input('Value')).getValue()).toBe('abc');
  });

  it('a yes/no field offers Yes and No, starting with Yes', async () => {
    const ui = await openBuilder();
    await (await ui.button(/Add a condition/)).click();
    await (await ui.select('Field')).clickOptions({ text: 'w.done' });
    const value = await ui.select('Value');
    expect(await value.getValueText()).toBe('Yes');
    await value.open();
    expect(await Promise.all((await value.getOptions()).map((o) => o.getText()))).toEqual([
      'Yes',
      'No',
    ]);
  });

  it('a custom key is asked for, and the builder waits for it', async () => {
    const ui = await openBuilder();
    await (await ui.button(/Add a condition/)).click();
    await (await ui.select('Field')).clickOptions({ text: 'Custom key…' });
    expect(ui.text()).toContain('Enter the key');
    expect(await (await ui.button('Apply')).isDisabled()).toBe(true);

    await (await ui.input('Custom key')).setValue('team');
    await (await ui.input('Value')).setValue('risk');
    await (await ui.button('Apply')).click();
    expect(ui.applied[0]?.groups).toEqual([
      [{ field: 'custom.team', op: 'has', values: ['risk'] }],
    ]);
  });
});
