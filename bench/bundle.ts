/**
 * Section 1 — Bundle: builds the production app and measures what a browser downloads before the
 * console can paint (initial JavaScript + CSS, raw and gzip) and the largest lazy chunk, next to
 * the budgets declared in angular.json.
 *
 * "Initial" = the scripts and stylesheets index.html references, plus every chunk they import
 * statically (transitively): exactly what Angular's `initial` budget counts. Lazy = every other
 * emitted .js file (route chunks, catalogs, shared lazy chunks).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { type SectionBuilder } from './report';

/**
 * The bench builds into its own folder (git-ignored), so a colleague's `ng build` or e2e run
 * rewriting dist/ cannot swap the files under a running measurement. BENCH_BUILD_DIR gives two
 * benches run side by side (while comparing two branches of work) a folder each. It is kept
 * relative to the repository (where `npm run bench` runs): every reader joins it to the root, and
 * `join` would turn an absolute /tmp/… into a folder under the repository.
 */
export const BUILD_DIR = relative(
  process.cwd(),
  resolve(process.env['BENCH_BUILD_DIR'] ?? 'bench/out/dist'),
);
export const DIST_DIR = `${BUILD_DIR}/browser`;
const STATS_FILE = `${BUILD_DIR}/browser-stats.json`;
/** What `npm run build` produces: served with --no-build when the bench has no build of its own. */
export const APP_DIST_DIR = 'dist/session-console/browser';

/** The build to serve and measure: the bench's own, else the app's usual output. */
export function distDir(root: string): string {
  return existsSync(join(root, DIST_DIR, 'index.html')) ? DIST_DIR : APP_DIST_DIR;
}

const kB = (bytes: number) => Math.round(bytes / 100) / 10;
const gzipSize = (buf: Buffer) => gzipSync(buf, { level: 6 }).length;
const brotliSize = (buf: Buffer) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function measure(dir: string, file: string): FileSize {
  const buf = readFileSync(join(dir, file));
  return { file, raw: buf.length, gzip: gzipSize(buf), brotli: brotliSize(buf) };
}

const sum = (files: FileSize[], key: 'raw' | 'gzip' | 'brotli') =>
  files.reduce((a, f) => a + f[key], 0);

interface Metafile {
  outputs: Record<
    string,
    {
      bytes: number;
      entryPoint?: string;
      imports?: { path: string; kind: string }[];
      inputs?: Record<string, { bytesInOutput: number }>;
    }
  >;
}

/** Raw bytes per npm package (or src/app folder) inside some output files, largest first. */
function contributors(meta: Metafile | undefined, files: string[]): [string, number][] {
  const groups = new Map<string, number>();
  for (const file of files) {
    for (const [path, input] of Object.entries(meta?.outputs[file]?.inputs ?? {})) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const key = pkg ?? path.split('/').slice(0, 3).join('/');
      groups.set(key, (groups.get(key) ?? 0) + input.bytesInOutput);
    }
  }
  return [...groups.entries()].sort((a, b) => b[1] - a[1]);
}

/** Raw bytes per Angular Material / CDK entry module (`material/chips`, `cdk/overlay`…). */
function componentModules(meta: Metafile | undefined, files: string[]): [string, number][] {
  const groups = new Map<string, number>();
  for (const file of files) {
    for (const [path, input] of Object.entries(meta?.outputs[file]?.inputs ?? {})) {
      const m = /@angular\/(material|cdk)\/fesm2022\/_?([\w-]+?)(?:-chunk)?\.mjs$/.exec(path);
      if (!m) continue;
      const key = `${m[1]}/${m[2]}`;
      groups.set(key, (groups.get(key) ?? 0) + input.bytesInOutput);
    }
  }
  return [...groups.entries()].sort((a, b) => b[1] - a[1]);
}

const describe = (list: [string, number][], n: number) =>
  list
    .slice(0, n)
    .map(([k, v]) => `${k} ${kB(v)} kB`)
    .join(', ');

/** Static imports of a chunk: from esbuild's metafile when present, else parsed from the code. */
function staticImports(dir: string, file: string, meta: Metafile | undefined): string[] {
  const out = meta?.outputs[file];
  if (out)
    return (out.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => i.path);
  const code = readFileSync(join(dir, file), 'utf8');
  const found = new Set<string>();
  for (const m of code.matchAll(
    /\b(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["']\.\/([\w.-]+\.js)["']/g,
  )) {
    if (m[1]) found.add(m[1]);
  }
  return [...found];
}

function closure(dir: string, roots: string[], meta: Metafile | undefined): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || !existsSync(join(dir, file))) continue;
    seen.add(file);
    stack.push(...staticImports(dir, file, meta));
  }
  return [...seen];
}

interface Budget {
  type: string;
  name?: string;
  maximumWarning?: string;
  maximumError?: string;
}

/** Production budgets of angular.json (the first application project). */
export function readBudgets(root: string): Budget[] {
  const angular = JSON.parse(readFileSync(join(root, 'angular.json'), 'utf8')) as {
    projects?: Record<string, Record<string, unknown>>;
  };
  for (const project of Object.values(angular.projects ?? {})) {
    const build = (project['architect'] as Record<string, Record<string, unknown>> | undefined)?.[
      'build'
    ];
    const prod = (build?.['configurations'] as Record<string, { budgets?: Budget[] }>)?.[
      'production'
    ];
    if (prod?.budgets) return prod.budgets;
  }
  return [];
}

/** "500kB" → bytes (Angular's units: b, kb, mb with k = 1000). */
export function budgetBytes(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^\s*([\d.]+)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit === 'gb' ? 1e9 : unit === 'mb' ? 1e6 : unit === 'kb' ? 1e3 : 1;
  return Number(m[1]) * factor;
}

function budgetText(b: Budget | undefined, measuredRaw: number): string {
  if (!b) return 'no budget in angular.json';
  const warn = budgetBytes(b.maximumWarning);
  const err = budgetBytes(b.maximumError);
  const verdict =
    err !== undefined && measuredRaw > err
      ? 'OVER ERROR'
      : warn !== undefined && measuredRaw > warn
        ? 'over warning'
        : 'within';
  return `angular.json: warning ${b.maximumWarning ?? '—'} / error ${b.maximumError ?? '—'} (raw) → ${verdict}`;
}

export interface BundleOptions {
  root: string;
  build: boolean;
}

/** Synchronous: it runs the build and reads files (runSection takes sync or async bodies). */
export function bundleSection(s: SectionBuilder, opts: BundleOptions): void {
  const initialTarget = 'target ≤ 120 kB gzip (issue 12)';
  s.plan(
    'initial.js.raw',
    'Initial JavaScript, raw',
    'kB',
    'Minified JS parsed before the console can start.',
  );
  s.plan(
    'initial.js.gzip',
    'Initial JavaScript, gzip',
    'kB',
    'The same JS as sent over a gzip-compressing server.',
  );
  s.plan(
    'initial.css.raw',
    'Initial CSS, raw',
    'kB',
    'Global stylesheet(s) referenced by index.html.',
  );
  s.plan('initial.css.gzip', 'Initial CSS, gzip', 'kB', 'The same CSS, gzip.');
  s.plan(
    'initial.total.raw',
    'Initial JS + CSS, raw',
    'kB',
    "What Angular's `initial` budget counts.",
  );
  s.plan(
    'initial.total.gzip',
    'Initial JS + CSS, gzip',
    'kB',
    'Initial transfer over the wire (gzip level 6) — the number to keep small.',
    initialTarget,
  );
  s.plan(
    'index.html.gzip',
    'index.html (with inlined critical CSS), gzip',
    'kB',
    'The document itself, fetched before anything else.',
  );
  s.plan(
    'lazy.largest.raw',
    'Largest lazy chunk, raw',
    'kB',
    'Biggest chunk loaded on demand (a route or shared lazy code).',
  );
  s.plan('lazy.largest.gzip', 'Largest lazy chunk, gzip', 'kB', 'The same chunk over the wire.');
  s.plan(
    'lazy.sessions.gzip',
    'Sessions route, lazy part, gzip',
    'kB',
    'Extra JS fetched when opening /sessions after the initial bundle.',
  );
  s.plan(
    'lazy.total.gzip',
    'All lazy JS, gzip',
    'kB',
    'Everything that is not initial, summed (an upper bound of a full tour).',
  );

  let dist = join(opts.root, DIST_DIR);
  if (opts.build) {
    // The subset icon font angular.json's styles include (what `npm run build` runs first).
    const icons = spawnSync('node', ['scripts/icon-font.mjs'], {
      cwd: opts.root,
      encoding: 'utf8',
    });
    if (icons.status !== 0) throw new Error(`icon font: ${(icons.stderr || icons.stdout).trim()}`);
    console.log('[bench] ng build --configuration production --stats-json');
    const started = Date.now();
    const result = spawnSync(
      'ng',
      [
        'build',
        '--configuration',
        'production',
        '--stats-json',
        '--progress=false',
        '--output-path',
        BUILD_DIR,
      ],
      { cwd: opts.root, encoding: 'utf8', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } },
    );
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.replace(
      /\u001b\[[0-9;]*m/g,
      '',
    );
    s.note(
      `Build: \`ng build --configuration production\` took ${Math.round((Date.now() - started) / 1000)} s.`,
    );
    const budgetLines = output
      .split('\n')
      .filter((l) => /budget/i.test(l))
      .map((l) => l.trim());
    for (const line of budgetLines.slice(0, 6)) s.note(`ng build: ${line}`);
    if (result.status !== 0) {
      const lines = output.split('\n').map((l) => l.trim());
      const first = lines.findIndex((l) => /\bERROR\b|error TS|Error:/.test(l));
      const shown = first >= 0 ? lines.slice(first, first + 3) : lines.filter(Boolean).slice(-3);
      throw new Error(`ng build failed (exit ${result.status}): ${shown.join(' ')}`);
    }
  }
  const served = distDir(opts.root);
  dist = join(opts.root, served);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no build at ${served}`);
  if (!opts.build) s.note(`Measured the existing build in \`${served}\` (--no-build).`);

  const statsPath = join(
    opts.root,
    served === DIST_DIR ? STATS_FILE : 'dist/session-console/browser-stats.json',
  );
  const meta: Metafile | undefined =
    existsSync(statsPath) &&
    statSync(statsPath).mtimeMs >= statSync(join(dist, 'index.html')).mtimeMs - 60_000
      ? (JSON.parse(readFileSync(statsPath, 'utf8')) as Metafile)
      : undefined;

  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    if (tag.startsWith('<script')) {
      const src = attr(tag, 'src');
      if (src) scripts.push(src);
    } else {
      const rel = attr(tag, 'rel');
      const href = attr(tag, 'href');
      if (!href) continue;
      if (rel === 'modulepreload') scripts.push(href);
      if (rel === 'stylesheet') styles.push(href);
    }
  }
  const local = (f: string) => f.replace(/^\.?\//, '');
  const initialJsFiles = closure(dist, [...new Set(scripts.map(local))], meta);
  const initialCssFiles = [...new Set(styles.map(local))].filter((f) => existsSync(join(dist, f)));
  const initialJs = initialJsFiles.map((f) => measure(dist, f));
  const initialCss = initialCssFiles.map((f) => measure(dist, f));

  const allJs = readdirSync(dist).filter((f) => f.endsWith('.js'));
  const lazy = allJs.filter((f) => !initialJsFiles.includes(f)).map((f) => measure(dist, f));
  lazy.sort((a, b) => b.raw - a.raw);

  const jsRaw = sum(initialJs, 'raw');
  const jsGz = sum(initialJs, 'gzip');
  const cssRaw = sum(initialCss, 'raw');
  const cssGz = sum(initialCss, 'gzip');
  s.set('initial.js.raw', kB(jsRaw), { files: initialJs });
  s.set('initial.js.gzip', kB(jsGz), { brotliKB: kB(sum(initialJs, 'brotli')) });
  s.set('initial.css.raw', kB(cssRaw), { files: initialCss });
  s.set('initial.css.gzip', kB(cssGz));
  s.set('initial.total.raw', kB(jsRaw + cssRaw));
  s.set('initial.total.gzip', kB(jsGz + cssGz), {
    brotliKB: kB(sum(initialJs, 'brotli') + sum(initialCss, 'brotli')),
  });
  const indexSize = measure(dist, 'index.html');
  s.set('index.html.gzip', kB(indexSize.gzip), { rawKB: kB(indexSize.raw) });

  if (meta) {
    const top = contributors(meta, initialJsFiles);
    s.detail('initial.js.raw', { contributorsKB: top.slice(0, 12).map(([k, v]) => [k, kB(v)]) });
    s.note(`Initial JS, largest contributors (raw): ${describe(top, 7)}.`);
  }

  const budgets = readBudgets(opts.root);
  const initialBudget = budgets.find((b) => b.type === 'initial');
  const totalRaw = s.section.figures.find((f) => f.id.endsWith('initial.total.raw'))!;
  totalRaw.budget = budgetText(initialBudget, jsRaw + cssRaw);
  const gz = s.section.figures.find((f) => f.id.endsWith('initial.total.gzip'))!;
  gz.budget = `${initialTarget} → ${jsGz + cssGz <= 120_000 ? 'met' : 'MISSED'}`;
  for (const b of budgets.filter((b) => b.type !== 'initial')) {
    s.note(
      `Other angular.json budget: ${b.type}${b.name ? ` ${b.name}` : ''} warning ${b.maximumWarning ?? '—'} / error ${b.maximumError ?? '—'}.`,
    );
  }

  const largest = lazy[0];
  if (largest) {
    const entry = meta?.outputs[largest.file]?.entryPoint;
    s.set('lazy.largest.raw', kB(largest.raw), { file: largest.file, entryPoint: entry });
    s.set('lazy.largest.gzip', kB(largest.gzip), { file: largest.file });
    const inside = meta ? contributors(meta, [largest.file]) : [];
    s.note(
      `Largest lazy chunk: ${largest.file}${entry ? ` (${entry})` : ''}` +
        (inside.length ? `, contents (raw): ${describe(inside, 4)}.` : '.'),
    );
    s.set('lazy.total.gzip', kB(sum(lazy, 'gzip')), {
      chunks: lazy.length,
      top: lazy.slice(0, 8).map((f) => ({ ...f, entryPoint: meta?.outputs[f.file]?.entryPoint })),
    });
  } else {
    s.skip('lazy.largest.raw', 'the build has no lazy chunk');
    s.skip('lazy.largest.gzip', 'the build has no lazy chunk');
    s.skip('lazy.total.gzip', 'the build has no lazy chunk');
  }

  const sessionsChunk = meta
    ? Object.entries(meta.outputs).find(([, o]) =>
        o.entryPoint?.includes('sessions/sessions.routes'),
      )?.[0]
    : undefined;
  if (sessionsChunk) {
    const files = closure(dist, [sessionsChunk], meta).filter((f) => !initialJsFiles.includes(f));
    const sizes = files.map((f) => measure(dist, f));
    const brotliKB = kB(sum(sizes, 'brotli'));
    s.set('lazy.sessions.gzip', kB(sum(sizes, 'gzip')), {
      rawKB: kB(sum(sizes, 'raw')),
      brotliKB,
      files,
    });
    // What a cold /sessions pays for beyond the shell, and which Material parts it pulls in: the
    // figures to weigh when deciding what can load on first use instead.
    s.note(
      `Sessions route, lazy part: ${sizes.length} chunks, brotli ${brotliKB} kB (what the embedded plane serves); contents (raw): ${describe(contributors(meta, files), 8)}.`,
    );
    s.note(
      `Sessions route, Material and CDK modules (raw): ${describe(componentModules(meta, files), 16)}.`,
    );
  } else {
    s.skip(
      'lazy.sessions.gzip',
      meta
        ? 'no chunk for src/app/sessions/sessions.routes'
        : 'no esbuild stats (run with a build)',
    );
  }
  const fonts = readdirSync(join(dist, 'media')).filter((f) => /\.(woff2?|ttf)$/.test(f));
  const symbols = fonts
    .filter((f) => f.includes('symbols-outlined'))
    .map((f) => statSync(join(dist, 'media', f)).size);
  if (symbols.length) {
    s.note(
      `Icon font (Material Symbols, cut by scripts/icon-font.mjs to the icons the source uses) in the build: ${kB(Math.max(...symbols))} kB, fetched on first icon render — not counted as initial JS/CSS; see "first view bytes" below.`,
    );
  }
  const sizes = (face: RegExp) =>
    fonts.filter((f) => face.test(f)).map((f) => statSync(join(dist, 'media', f)).size);
  const core = sizes(/^roboto-latin-core-\d+-normal.*\.woff2$/);
  const rest = sizes(/^roboto-latin-\d+-normal.*\.woff2$/);
  if (core.length) {
    const list = (bytes: number[]) => bytes.map((b) => `${kB(b)} kB`).join(' + ');
    s.note(
      `Text font (Roboto Latin, re-cut by scripts/text-font.mjs without hinting and split by unicode-range): ${core.length} weights; the core every page needs (ASCII, the catalogs' characters, Intl's spaces) ${list(core)}; the rest of Latin ${list(rest)}, fetched only for its characters, like the other scripts' faces.`,
    );
  }
  s.note(
    'gzip level 6 (zlib default); brotli (quality 11) sizes are in report.json. Angular budgets apply to raw sizes.',
  );
}
