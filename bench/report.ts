/**
 * The report model shared by every bench section, and its two renderings: `report.json` (numbers
 * for tools and diffs) and `report.md` (a table per section for people).
 *
 * A section declares its figures up front (`plan`), then fills them in (`set`) or says why it
 * could not (`skip`). A figure left empty when the section ends, because the section threw or
 * never got that far, is reported as "not measured" with the reason: one missing UI part never
 * costs the whole report.
 */
import { writeFileSync } from 'node:fs';

import { firstLine } from './error-text';
import type { Machine } from './machine';

export interface Figure {
  /** Stable key, e.g. `bundle.initial.gzip`: compare reports by it. */
  id: string;
  label: string;
  /** null when not measured. */
  value: number | null;
  unit: string;
  /** One line: what the number means for an operator. */
  meaning: string;
  /** Why there is no value ("not measured: …"). */
  notMeasured?: string;
  /** The budget or target this figure is held against, as text. */
  budget?: string;
  /** Secondary numbers (samples, breakdowns) kept in the JSON only. */
  detail?: Record<string, unknown>;
}

export interface Section {
  id: string;
  title: string;
  figures: Figure[];
  /** Free-text lines printed under the table (method, caveats). */
  notes: string[];
  /** Wall time the section took, seconds. */
  seconds?: number;
  error?: string;
  /**
   * Two subjects measured the same way: figures `<metric>.<side>` for each side and
   * `<metric>.ratio` (first side ÷ second), rendered as one table with both columns and the ratio.
   */
  comparison?: { sides: [Side, Side] };
}

export interface Side {
  /** Last segment of the figure ids, e.g. `console`. */
  key: string;
  title: string;
}

export interface Scale {
  profile: 'full' | 'quick';
  sessions: number;
  tasks: number;
  simulation: boolean;
  seed: number;
  firstViewRuns: number;
  refreshSamples: number;
  enduranceCycles: number;
  latencyCalls: number;
  bulkSessions: number;
}

export interface Report {
  schema: 1;
  generatedAt: string;
  scale: Scale;
  machine: Machine;
  /** Git commit of the code under test, when known. */
  commit?: string;
  totalSeconds: number;
  sections: Section[];
}

export class SectionBuilder {
  readonly section: Section;
  private readonly started = Date.now();

  constructor(id: string, title: string) {
    this.section = { id, title, figures: [], notes: [] };
  }

  plan(id: string, label: string, unit: string, meaning: string, budget?: string): Figure {
    const figure: Figure = { id: `${this.section.id}.${id}`, label, value: null, unit, meaning };
    if (budget) figure.budget = budget;
    this.section.figures.push(figure);
    return figure;
  }

  private find(id: string): Figure {
    const full = `${this.section.id}.${id}`;
    const figure = this.section.figures.find((f) => f.id === full);
    if (!figure) throw new Error(`bench bug: figure ${full} was never planned`);
    return figure;
  }

  set(id: string, value: number, detail?: Record<string, unknown>): void {
    const figure = this.find(id);
    figure.value = Number.isFinite(value) ? value : null;
    if (!Number.isFinite(value)) figure.notMeasured ??= 'no sample';
    else delete figure.notMeasured;
    if (detail) figure.detail = { ...figure.detail, ...detail };
  }

  detail(id: string, detail: Record<string, unknown>): void {
    const figure = this.find(id);
    figure.detail = { ...figure.detail, ...detail };
  }

  skip(id: string, reason: string): void {
    const figure = this.find(id);
    figure.value = null;
    figure.notMeasured = reason;
  }

  /** Marks every still-empty figure whose id starts with `prefix` as not measured. */
  skipAll(reason: string, prefix = ''): void {
    for (const f of this.section.figures) {
      if (f.value === null && !f.notMeasured && f.id.startsWith(`${this.section.id}.${prefix}`)) {
        f.notMeasured = reason;
      }
    }
  }

  /** Figures `<id>.<side>` for both sides and `<id>.ratio`, rendered as one comparison row. */
  compare(sides: [Side, Side], id: string, label: string, unit: string, meaning: string): void {
    this.section.comparison = { sides };
    for (const side of sides)
      this.plan(`${id}.${side.key}`, `${label} — ${side.title}`, unit, meaning);
    this.plan(`${id}.ratio`, `${label} — ratio`, '×', `${sides[0].title} ÷ ${sides[1].title}.`);
  }

  /** Sets both sides of a comparison row and their ratio (not measured when either is missing). */
  setCompared(
    id: string,
    values: [number, number],
    details?: [Record<string, unknown>?, Record<string, unknown>?],
  ): void {
    const sides = this.section.comparison?.sides;
    if (!sides) throw new Error(`bench bug: ${this.section.id} has no comparison`);
    sides.forEach((side, i) =>
      this.set(`${id}.${side.key}`, values[i] ?? Number.NaN, details?.[i]),
    );
    const [a, b] = values;
    if (b === 0) this.skip(`${id}.ratio`, `no ratio: ${sides[1].title} measured 0`);
    else this.set(`${id}.ratio`, Math.round((a / b) * 1000) / 1000);
  }

  note(line: string): void {
    this.section.notes.push(line);
  }

  finish(error?: unknown): Section {
    if (error !== undefined) {
      let message =
        error instanceof Error
          ? error.message
          : typeof error === 'string'
            ? error
            : JSON.stringify(error);
      try {
        message = decodeURIComponent(message);
      } catch {
        // not percent-encoded
      }
      this.section.error = firstLine(message).slice(0, 300);
      this.skipAll(`section failed: ${this.section.error}`);
    }
    this.skipAll('not reached');
    this.section.seconds = Math.round((Date.now() - this.started) / 100) / 10;
    return this.section;
  }
}

/** Runs one section; whatever it throws becomes "not measured" figures, never a failed run. */
export async function runSection(
  id: string,
  title: string,
  body: (s: SectionBuilder) => Promise<void> | void,
): Promise<Section> {
  const builder = new SectionBuilder(id, title);
  const label = `[bench] ${title}`;
  console.log(`${label}…`);
  try {
    await body(builder);
    const section = builder.finish();
    console.log(`${label}: done in ${section.seconds} s`);
    return section;
  } catch (error) {
    console.error(`${label}: failed:`, error);
    return builder.finish(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

function formatValue(f: Figure): string {
  if (f.value === null) return '—';
  const v = f.value;
  const text =
    Math.abs(v) >= 100 || Number.isInteger(v)
      ? Math.round(v).toLocaleString('en-US')
      : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return text;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One row per compared metric: both sides, their ratio, the unit and what it means. */
function comparisonRows(s: Section, sides: [Side, Side]): string[] {
  const lines = [
    `| figure | ${cell(sides[0].title)} | ${cell(sides[1].title)} | ratio | unit | meaning |`,
    '|---|---:|---:|---:|---|---|',
  ];
  const byId = new Map(s.figures.map((f) => [f.id, f]));
  for (const ratio of s.figures.filter((f) => f.id.endsWith('.ratio'))) {
    const metric = ratio.id.slice(0, -'.ratio'.length);
    const [a, b] = sides.map((side) => byId.get(`${metric}.${side.key}`));
    if (!a || !b) continue;
    const missing = [a, b].find((f) => f.notMeasured)?.notMeasured;
    const suffix = ` — ${sides[0].title}`;
    const label = a.label.endsWith(suffix) ? a.label.slice(0, -suffix.length) : a.label;
    const meaning = missing ? `**not measured: ${missing}** — ${a.meaning}` : a.meaning;
    const r = ratio.value === null ? '—' : `${formatValue(ratio)}×`;
    lines.push(
      `| ${[cell(label), formatValue(a), formatValue(b), r, a.unit, cell(meaning)].join(' | ')} |`,
    );
  }
  return lines;
}

function sectionMarkdown(s: Section): string {
  const lines = [`## ${s.title}`, ''];
  if (s.comparison)
    return [...lines, ...comparisonRows(s, s.comparison.sides), ...sectionTail(s)].join('\n');
  const withBudget = s.figures.some((f) => f.budget);
  lines.push(
    withBudget
      ? '| figure | value | unit | budget / target | meaning |'
      : '| figure | value | unit | meaning |',
  );
  lines.push(withBudget ? '|---|---:|---|---|---|' : '|---|---:|---|---|');
  for (const f of s.figures) {
    const meaning = f.notMeasured ? `**not measured: ${f.notMeasured}** — ${f.meaning}` : f.meaning;
    const row = [cell(f.label), formatValue(f), f.unit];
    if (withBudget) row.push(cell(f.budget ?? ''));
    row.push(cell(meaning));
    lines.push(`| ${row.join(' | ')} |`);
  }
  return [...lines, ...sectionTail(s)].join('\n');
}

/** Notes and the section's time, under its table. */
function sectionTail(s: Section): string[] {
  const lines: string[] = [];
  if (s.notes.length) {
    lines.push('');
    for (const n of s.notes) lines.push(`- ${n}`);
  }
  if (s.seconds !== undefined) lines.push('', `_Section time: ${s.seconds} s._`);
  lines.push('');
  return lines;
}

export function renderMarkdown(r: Report): string {
  const m = r.machine;
  const sc = r.scale;
  const label =
    sc.profile === 'quick'
      ? '**QUICK profile (development scale) — not the issue scale; do not compare with a full report.**'
      : 'Full profile (the issue scale).';
  const out = [
    '# Session Console — benchmark report',
    '',
    `Generated ${r.generatedAt} by \`npm run bench${sc.profile === 'quick' ? ' -- --quick' : ''}\`` +
      `${r.commit ? ` at commit \`${r.commit}\`` : ''}; total run ${Math.round(r.totalSeconds)} s. ${label}`,
    '',
    'How to read this report: see `bench/README.md`. Compare with the previous committed report ' +
      '(`git diff bench/report.json`) — only figures from the same profile and a similar machine compare.',
    '',
    '## Machine and scale',
    '',
    '| fact | value |',
    '|---|---|',
    `| CPU | ${m.cores} cores — ${cell(m.cpuModel)} |`,
    `| memory | ${m.memoryGiB} GiB total, ${m.freeMemoryGiB} GiB free at start |`,
    `| load average at start (1/5/15 min) | ${m.loadAverage.join(' / ')} |`,
    `| OS | ${cell(m.os)} |`,
    `| Node | ${m.node} |`,
    `| Chromium | ${cell(m.chromium)} |`,
    `| date | ${r.generatedAt} |`,
    `| data set | ${sc.sessions.toLocaleString('en-US')} sessions, ${sc.tasks.toLocaleString('en-US')} tasks, seed ${sc.seed}, simulation ${sc.simulation ? 'on' : 'off'} |`,
    `| samples | first view ×${sc.firstViewRuns}, refresh ×${sc.refreshSamples}, endurance ${sc.enduranceCycles.toLocaleString('en-US')} cycles, server ${sc.latencyCalls} calls per RPC, bulk ${sc.bulkSessions} sessions |`,
    '',
  ];
  for (const s of r.sections) out.push(sectionMarkdown(s));
  const missing = r.sections.flatMap((s) => s.figures.filter((f) => f.value === null));
  out.push('## Not measured', '');
  if (missing.length === 0) out.push('Every figure was measured.', '');
  else {
    for (const f of missing) out.push(`- ${f.label} (\`${f.id}\`): ${f.notMeasured}`);
    out.push('');
  }
  return out.join('\n');
}

export function writeReports(r: Report, mdPath: string, jsonPath: string): void {
  writeFileSync(jsonPath, JSON.stringify(r, null, 2) + '\n');
  writeFileSync(mdPath, renderMarkdown(r));
}
