import { parseArgs as parseCommandLine } from 'node:util';
import type { ControlPlaneOptions } from './control-plane';
import { DEFAULTS } from './defaults';
import { DEFAULT_LIMITS, LIMIT_FLAGS, type Limits } from './limits';

const d = DEFAULT_LIMITS;

export const USAGE = `Usage: tsx server/main.ts [options]

  --port N                 TCP port (default ${DEFAULTS.port}; 0 = any free port)
  --host HOST              interface to bind (default ${DEFAULTS.host}; 0.0.0.0 to expose)
  --seed N                 seed of the demo data set (default ${DEFAULTS.seed})
  --sessions N             seeded sessions (default ${DEFAULTS.sessions})
  --tasks N                seeded tasks, all sessions together (default ${DEFAULTS.tasks})
  --no-simulation          keep the data still (no live task progress)
  --static DIR             also serve a built console from DIR (index.html fallback)
  --cors-origins LIST|*    origins allowed by CORS, comma-separated (default ${DEFAULTS.corsOrigins})
  --user NAME              user reported by GetCurrentUser (default ${DEFAULTS.username})
  --permissions P          all | read-only | comma list of Service:Method (default all)

Limits (a request beyond one is refused with INVALID_ARGUMENT or RESOURCE_EXHAUSTED):
  --max-page-size N          page_size of a List* call (default ${d.maxPageSize})
  --max-filter-conditions N  conditions in one filter, all groups together (default ${d.maxFilterConditions})
  --max-id-length N          characters of an id field (default ${d.maxIdLength})
  --max-string-length N      characters of any other string (default ${d.maxStringLength})
  --max-items-per-call N     results or task creations in one call (default ${d.maxItemsPerCall})
  --max-result-data SIZE     uploaded result data held, bytes or e.g. 256MiB (default ${d.maxResultDataBytes / 2 ** 20}MiB)
  --max-sessions N           live sessions created by clients (default ${d.maxSessions})
  --max-created-rows N       task and result rows clients may create (default ${d.maxCreatedRows})
  --help                   show this help
`;

export class UsageError extends Error {}

const NUMERIC = ['port', 'seed', 'sessions', 'tasks'] as const;
const TEXT = ['host', 'static', 'cors-origins', 'user', 'permissions'] as const;
const LIMIT_BY_FLAG = new Map(
  (Object.entries(LIMIT_FLAGS) as [keyof Limits, string][]).map(([key, flag]) => [flag, key]),
);
/** Every flag the command line takes besides --help (server/README.md's table lists them). */
export const FLAGS: readonly string[] = [
  'no-simulation',
  ...NUMERIC,
  ...TEXT,
  ...LIMIT_BY_FLAG.keys(),
];

const SIZE = /^(\d+)\s*(B|KiB|MiB|GiB)?$/;
const UNIT: Readonly<Record<string, number>> = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30 };

/** Parses the command line into control-plane options (`--flag value` or `--flag=value`). */
export function parseArgs(argv: readonly string[]): ControlPlaneOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseCommandLine({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        'no-simulation': { type: 'boolean' },
        ...Object.fromEntries(
          FLAGS.filter((name) => name !== 'no-simulation').map((name) => [
            name,
            { type: 'string' },
          ]),
        ),
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values['help']) return 'help';
  const options: ControlPlaneOptions = {};
  const text = (name: string) => values[name] as string | undefined;
  if (values['no-simulation']) options.simulation = false;
  for (const name of NUMERIC) {
    const value = text(name);
    if (value === undefined) continue;
    options[name] = integer(name, value, name === 'port' ? 65535 : Number.MAX_SAFE_INTEGER);
  }
  if (text('host') !== undefined) options.host = text('host');
  if (text('static') !== undefined) options.staticDir = text('static');
  if (text('user') !== undefined) options.username = text('user');
  const origins = text('cors-origins');
  if (origins !== undefined) options.corsOrigins = origins.trim() === '*' ? '*' : list(origins);
  const permissions = text('permissions');
  if (permissions !== undefined) options.permissions = permissionsOf(permissions);
  const limits: Partial<Record<keyof Limits, number>> = {};
  for (const [flag, key] of LIMIT_BY_FLAG) {
    const value = text(flag);
    if (value === undefined) continue;
    limits[key] = key === 'maxResultDataBytes' ? size(flag, value) : integer(flag, value);
  }
  if (Object.keys(limits).length > 0) options.limits = limits;
  return options;
}

function integer(name: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > max)
    throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function size(name: string, value: string): number {
  const m = SIZE.exec(value.trim());
  if (!m)
    throw new UsageError(
      `--${name} takes a size in bytes (e.g. 1048576 or 256MiB), got "${value}"`,
    );
  return Number(m[1]) * (UNIT[m[2] ?? 'B'] ?? 1);
}

function permissionsOf(value: string): ControlPlaneOptions['permissions'] {
  if (value === 'all' || value === 'read-only') return value;
  const entries = list(value);
  if (entries.some((p) => !/^[A-Za-z]+:[A-Za-z]+$/.test(p)))
    throw new UsageError(
      `--permissions takes all, read-only or Service:Method entries, got "${value}"`,
    );
  return entries;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
