import type { ControlPlaneOptions } from './control-plane';

export const USAGE = `Usage: tsx server/main.ts [options]

  --port N                 TCP port (default 5001; 0 = any free port)
  --host HOST              interface to bind (default 127.0.0.1; 0.0.0.0 to expose)
  --seed N                 seed of the demo data set (default 1)
  --sessions N             seeded sessions (default 500)
  --tasks N                seeded tasks, all sessions together (default 100000)
  --no-simulation          keep the data still (no live task progress)
  --static DIR             also serve a built console from DIR (index.html fallback)
  --cors-origins LIST|*    origins allowed by CORS, comma-separated (default *)
  --user NAME              user reported by GetCurrentUser (default Anonymous)
  --permissions P          all | read-only | comma list of Service:Method (default all)
  --help                   show this help
`;

export class UsageError extends Error {}

const NUMERIC = new Set(['port', 'seed', 'sessions', 'tasks']);

/** Parses the command line into control-plane options (`--flag value` or `--flag=value`). */
export function parseArgs(argv: readonly string[]): ControlPlaneOptions | 'help' {
  const options: ControlPlaneOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--no-simulation') {
      options.simulation = false;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}"`);
    const name = match[1]!;
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (NUMERIC.has(name)) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || (name === 'port' && n > 65535)) {
        throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
      }
      options[name as 'port' | 'seed' | 'sessions' | 'tasks'] = n;
      continue;
    }
    switch (name) {
      case 'host':
        options.host = value;
        break;
      case 'static':
        options.staticDir = value;
        break;
      case 'user':
        options.username = value;
        break;
      case 'cors-origins':
        options.corsOrigins = value.trim() === '*' ? '*' : list(value);
        break;
      case 'permissions':
        options.permissions = value === 'all' || value === 'read-only' ? value : list(value);
        if (
          Array.isArray(options.permissions) &&
          options.permissions.some((p) => !/^[A-Za-z]+:[A-Za-z]+$/.test(p))
        ) {
          throw new UsageError(
            `--permissions takes all, read-only or Service:Method entries, got "${value}"`,
          );
        }
        break;
      default:
        throw new UsageError(`unknown option --${name}`);
    }
  }
  return options;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
