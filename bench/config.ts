/** Bench profiles and command-line options (node:util parseArgs). The default is the scale. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs as parseOptions } from 'node:util';

import { type Scale } from './report';

export interface Options {
  scale: Scale;
  /** Run `ng build` first (otherwise measure and serve the existing dist/). */
  build: boolean;
  /** Endurance: heap snapshots at the baseline and at the end, and what grew in between. */
  heapSnapshots: boolean;
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
  /**
   * A built ArmoniK Admin GUI (its dist folder, absolute) to measure beside this console, or
   * undefined: the comparison section then says how to ask for it.
   */
  armonikGui: string | undefined;
}

export const SECTION_IDS = [
  'bundle',
  'firstView',
  'refresh',
  'endurance',
  'server',
  'bulk',
  'scroll',
  'overview',
  'armonikGui',
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
  --no-build           measure and serve the existing build (bench/out/dist, else dist/)
  --no-heap-snapshots  endurance without its two heap snapshots (and the "what grew" note)
  --only a,b           sections: ${SECTION_IDS.join(', ')}
  --out DIR            where report.md / report.json go (default bench/, quick: bench/out/)
  --port N             control plane port (default: a free one)
  --armonik-gui DIR    also measure ArmoniK's Admin GUI, built into DIR, beside this console
                       (section armonikGui; bench/README.md says how to build it)
  --help, -h           this text`;

const NUMBERS = ['sessions', 'tasks', 'seed', 'cycles', 'runs', 'calls', 'bulk', 'port'] as const;

export function parseArgs(argv: string[]): Options {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick === true;
  const scale: Scale = { ...(quick ? QUICK : FULL) };
  const num = (name: (typeof NUMBERS)[number]): number | undefined => {
    const text = values[name];
    if (text === undefined) return undefined;
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v) || v < 0) {
      throw new Error(`--${name} needs a number (got "${text}")`);
    }
    return v;
  };
  scale.sessions = num('sessions') ?? scale.sessions;
  scale.tasks = num('tasks') ?? scale.tasks;
  scale.seed = num('seed') ?? scale.seed;
  scale.enduranceCycles = num('cycles') ?? scale.enduranceCycles;
  scale.firstViewRuns = num('runs') ?? scale.firstViewRuns;
  scale.latencyCalls = num('calls') ?? scale.latencyCalls;
  scale.bulkSessions = num('bulk') ?? scale.bulkSessions;
  if (values['no-simulation']) scale.simulation = false;
  let only = new Set<SectionId>(SECTION_IDS);
  if (values.only !== undefined) {
    const wanted = values.only.split(',').filter(Boolean);
    for (const w of wanted) {
      if (!(SECTION_IDS as readonly string[]).includes(w)) {
        throw new Error(`unknown section ${w} (sections: ${SECTION_IDS.join(', ')})`);
      }
    }
    only = new Set(wanted as SectionId[]);
  }
  const armonikGui =
    values['armonik-gui'] === undefined ? undefined : resolve(values['armonik-gui']);
  if (armonikGui !== undefined && !existsSync(join(armonikGui, 'index.html'))) {
    throw new Error(
      `--armonik-gui needs a built Admin GUI folder (no index.html in ${armonikGui})`,
    );
  }
  const n = scale.enduranceCycles;
  return {
    scale,
    build: !values['no-build'],
    heapSnapshots: !values['no-heap-snapshots'],
    armonikGui,
    only,
    outDir: values.out ?? (quick ? 'bench/out' : 'bench'),
    port: num('port') ?? 0,
    latencyWarmup: quick ? 10 : 20,
    scanBudgetMs: quick ? 30_000 : 180_000,
    startTimeoutMs: quick ? 120_000 : 20 * 60_000,
    checkpoints: [...new Set([10, 50, 100, 250, 500, 750, n].filter((c) => c <= n && c > 0))].sort(
      (a, b) => a - b,
    ),
  };
}

/** node:util's parser: unknown options and missing values are errors, not silently ignored. */
function parse(argv: string[]) {
  return parseOptions({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      'no-simulation': { type: 'boolean' },
      'no-build': { type: 'boolean' },
      'no-heap-snapshots': { type: 'boolean' },
      only: { type: 'string' },
      out: { type: 'string' },
      'armonik-gui': { type: 'string' },
      ...Object.fromEntries(NUMBERS.map((name) => [name, { type: 'string' as const }])),
    },
  }) as {
    values: Partial<
      Record<'quick' | 'help' | 'no-simulation' | 'no-build' | 'no-heap-snapshots', boolean>
    > &
      Partial<Record<'only' | 'out' | 'armonik-gui' | (typeof NUMBERS)[number], string>>;
  };
}
