import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run lint` runs dependency-cruiser with `.dependency-cruiser.cjs`. This runs the same
 * command on a small tree (`boundary-fixtures/`) that breaks each rule once, next to imports the
 * rules allow, and expects exactly the forbidden ones to be reported — so a rule that stopped
 * matching (a renamed folder, a wrong pattern) fails here instead of silently passing lint.
 */
interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

const root = join(__dirname, '..');
const fixtures = join(__dirname, 'boundary-fixtures');

function depcruise(outputType: 'err' | 'json') {
  return spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'),
      'src',
      'server',
      'proto',
      '--config',
      join(root, '.dependency-cruiser.cjs'),
      '--output-type',
      outputType,
    ],
    { cwd: fixtures, encoding: 'utf8' },
  );
}

function violations(): string[] {
  const run = depcruise('json');
  const report = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('the boundary checker', () => {
  it('fails the lint run (the form lint uses exits non-zero)', () => {
    expect(depcruise('err').status).not.toBe(0);
  });

  it('reports each forbidden import and cycle, and nothing the rules allow', () => {
    expect(violations()).toEqual([
      'api-imports-only-generated-code: src/app/api/client.ts → src/app/grid/columns.ts',
      'engine-knows-no-resource: src/app/grid/columns.ts → src/app/sessions/session.ts',
      'features-through-public-entry: src/app/sessions/session.ts → src/app/tasks/task-counts.ts',
      'no-cycle: src/app/grid/a.ts → src/app/grid/b.ts',
      // shared/frame.ts → grid closes a loop with the allowed grid/prompt.ts → shared.
      'no-folder-cycle: src/app/grid → src/app/shared',
      'no-folder-cycle: src/app/grid/model → src/app/grid/state',
      'no-folder-cycle: src/app/grid/state → src/app/grid/model',
      'no-folder-cycle: src/app/shared → src/app/grid',
      'outside-the-app-only-generated-code: server/main.ts → src/app/sessions/session.ts',
      'shared-below-grid: src/app/shared/frame.ts → src/app/grid/columns.ts',
    ]);
  });
});
