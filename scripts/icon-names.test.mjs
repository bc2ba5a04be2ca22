// The icon list that the subset font is cut from (run by `npm run test:unit`'s pre-step with
// `node --test`): an icon the source shows must be in it, or the operator sees its name as text.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { codeIcons, templateIcons } from './icon-names.mjs';

test('a name written in a template is used, across line breaks and attributes', () => {
  const { names, untraceable } = templateIcons(
    '<mat-icon aria-hidden="true">refresh</mat-icon>\n<mat-icon class="x"\n  >inventory_2</mat-icon\n>',
  );
  assert.deepEqual(names, ['refresh', 'inventory_2']);
  assert.deepEqual(untraceable, []);
});

test('only the results of an interpolation are icons, not what it compares with', () => {
  const { names, untraceable } = templateIcons(
    "<mat-icon>{{ sort().direction === 'desc' ? 'arrow_downward' : 'arrow_upward' }}</mat-icon>",
  );
  assert.deepEqual(names, ['arrow_downward', 'arrow_upward']);
  assert.deepEqual(untraceable, []);
});

test('a name read from an icon holder is traced; any other read is reported', () => {
  const traced = templateIcons(
    '<mat-icon>{{ icons[action] }}</mat-icon><mat-icon>{{ item.icon }}</mat-icon>' +
      '<mat-icon>{{ look().icon }}</mat-icon><mat-icon>{{ name ?? "help" }}</mat-icon>',
  );
  assert.deepEqual(traced.names, ['help']);
  assert.deepEqual(traced.untraceable, ['{{ name ?? "help" }}']);
  const lost = templateIcons('<mat-icon>{{ row.kind }}</mat-icon>');
  assert.deepEqual(lost.untraceable, ['{{ row.kind }}']);
});

test('icon holders in TypeScript give their values, not their keys or types', () => {
  const names = codeIcons(
    'x.ts',
    `const ICONS: Record<'ok' | 'bad', string> = { ok: 'check_circle', 'bad': 'error' };
     const looks = [{ key: 'running', icon: 'play_circle' }, { key: 'x', icon: on ? 'lock' : 'cancel' }];
     class A { protected readonly icons = ICONS; readonly actionIcon = 'pause'; label = 'refresh'; }`,
  );
  assert.deepEqual(names, ['check_circle', 'error', 'play_circle', 'lock', 'cancel', 'pause']);
});
