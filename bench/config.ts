/** Bench profiles and command-line options. The default is the scale. */
import { type Scale } from './report';

export interface Options {
  scale: Scale;
  /** Run `ng build` first (otherwise measure and serve the existing dist/). */
  build: boolean;
  /** Sections to run (all by default). */
  only: Set<SectionId>;
  /** Where report.md and report.json go. */
  outDir: string;
  port: number;
  latencyWarmup: number;
  /** Time budget of the largest-session search, ms. */
  scanBudgetMs: number;
  /** How long the control plane may take to seed and answer, ms. */
  startTimeoutMs: number;
  /** Endurance checkpoints (cycle numbers at which heap and DOM are read). */
  checkpoints: number[];
}

export const SECTION_IDS = [
  'bundle',
  'firstView',
  'refresh',
  'endurance',
  'server',
  'bulk',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const FULL: Scale = {
  profile: 'full',
  sessions: 100_000,
  tasks: 5_000_000,
  simulation: true,
  seed: 42,
  firstViewRuns: 5,
  refreshSamples: 20,
  enduranceCycles: 1_000,
  latencyCalls: 200,
  bulkSessions: 500,
};

const QUICK: Scale = {
  ...FULL,
  profile: 'quick',
  sessions: 2_000,
  tasks: 100_000,
  firstViewRuns: 3,
  refreshSamples: 10,
  enduranceCycles: 50,
  latencyCalls: 50,
  bulkSessions: 50,
};

export const USAGE = `npm run bench [-- options]
  --quick              development scale (2,000 sessions, 100,000 tasks, 50 cycles); writes bench/out/
  --sessions N --tasks N --seed N --cycles N --runs N --calls N --bulk N
  --no-simulation      freeze the data set (default: simulation on, as in the issue)
  --no-build           measure and serve the existing dist/session-console/browser
  --only a,b           sections: ${SECTION_IDS.join(', ')}
  --out DIR            where report.md / report.json go (default bench/, quick: bench/out/)
  --port N             control plane port (default: a free one)`;

export function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const scale: Scale = { ...(quick ? QUICK : FULL) };
  const opts: Options = {
    scale,
    build: true,
    only: new Set(SECTION_IDS),
    outDir: quick ? 'bench/out' : 'bench',
    port: 0,
    latencyWarmup: quick ? 10 : 20,
    scanBudgetMs: quick ? 30_000 : 180_000,
    startTimeoutMs: quick ? 120_000 : 20 * 60_000,
    checkpoints: [],
  };
  const num = (i: number) => {
    const v = Number(argv[i + 1]);
    if (!Number.isFinite(v) || v < 0) throw new Error(`${argv[i]} needs a number`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--quick':
        break;
      case '--sessions':
        scale.sessions = num(i++);
        break;
      case '--tasks':
        scale.tasks = num(i++);
        break;
      case '--seed':
        scale.seed = num(i++);
        break;
      case '--cycles':
        scale.enduranceCycles = num(i++);
        break;
      case '--runs':
        scale.firstViewRuns = num(i++);
        break;
      case '--calls':
        scale.latencyCalls = num(i++);
        break;
      case '--bulk':
        scale.bulkSessions = num(i++);
        break;
      case '--no-simulation':
        scale.simulation = false;
        break;
      case '--no-build':
        opts.build = false;
        break;
      case '--only': {
        const wanted = (argv[++i] ?? '').split(',').filter(Boolean);
        for (const w of wanted) {
          if (!(SECTION_IDS as readonly string[]).includes(w))
            throw new Error(`unknown section ${w}`);
        }
        opts.only = new Set(wanted as SectionId[]);
        break;
      }
      case '--out':
        opts.outDir = argv[++i];
        break;
      case '--port':
        opts.port = num(i++);
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${a}\n${USAGE}`);
    }
  }
  const n = scale.enduranceCycles;
  opts.checkpoints = [
    ...new Set([10, 50, 100, 250, 500, 750, n].filter((c) => c <= n && c > 0)),
  ].sort((a, b) => a - b);
  return opts;
}
