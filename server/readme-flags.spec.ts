import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FLAGS, parseArgs } from './cli-args';
import type { ControlPlaneOptions } from './control-plane';
import { DEFAULTS } from './defaults';
import { resolveLimits } from './limits';
import { resolvePermissions } from './services/permissions';

/**
 * server/README.md's flag table is written by hand; defaults.ts, limits.ts and cli-args.ts are
 * what the server does. These tests fail when the two part: a flag missing on either side, or a
 * default the README gives that, passed explicitly, would not mean what the server does without it.
 */
interface Row {
  flag: string;
  default: string;
}

function readmeRows(): Row[] {
  const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
  const table = readme.split('## Flags')[1]?.split('\n## ')[0] ?? '';
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `--'))
    .map((line) => {
      // Cells split on unescaped pipes ("a,b` \| `*" stays one cell).
      const [, flagCell = '', defaultCell = ''] = line.split(/(?<!\\)\|/).map((c) => c.trim());
      return {
        flag: /`--([\w-]+)/.exec(flagCell)?.[1] ?? flagCell,
        default: defaultCell.replace(/`/g, ''),
      };
    });
}

/** Cells that name no value to pass: an on/off flag's state, or no default at all. */
const NO_VALUE = new Set(['(on)', '—']);

/** What `options` make the server use, for the one option the flag set. */
function effective(options: ControlPlaneOptions): unknown {
  const entries = Object.entries(options);
  expect(entries).toHaveLength(1);
  const [key, value] = entries[0] ?? [];
  if (key === 'limits') return resolveLimits(options.limits);
  if (key === 'permissions') return resolvePermissions(options.permissions);
  return value;
}

/** What the server uses when the flag is left out. */
function codeDefault(options: ControlPlaneOptions): unknown {
  const [key = ''] = Object.keys(options);
  if (key === 'limits') return resolveLimits(undefined);
  if (key === 'permissions') return resolvePermissions(undefined);
  return (DEFAULTS as Readonly<Record<string, unknown>>)[key];
}

const rows = readmeRows();

describe('server/README.md flag table', () => {
  it('lists every flag the command line takes, and no other', () => {
    expect(rows.map((r) => r.flag).sort()).toEqual([...FLAGS].sort());
  });

  it.each(rows.filter((r) => !NO_VALUE.has(r.default)).map((r) => [r.flag, r.default]))(
    '--%s: the README default %s is what the server uses without the flag',
    (flag, readmeDefault) => {
      const options = parseArgs([`--${flag}`, readmeDefault]);
      if (options === 'help') throw new Error('parsed as --help');
      expect(effective(options)).toEqual(codeDefault(options));
    },
  );
});
