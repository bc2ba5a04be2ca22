// Fails when proto/gen is not what `buf generate` makes from proto/ (stale generated code).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const committed = join(root, 'proto/gen');
const scratch = mkdtempSync(join(tmpdir(), 'proto-check-'));
try {
  execFileSync('buf', ['generate', '--output', scratch], { cwd: root, stdio: 'inherit' });
  const fresh = join(scratch, 'proto/gen');
  const list = (dir) =>
    readdirSync(dir, { recursive: true })
      .map((f) => join(dir, String(f)))
      .filter((f) => statSync(f).isFile())
      .map((f) => relative(dir, f))
      .sort();
  const a = list(committed);
  const b = list(fresh);
  const stale = [...new Set([...a, ...b])].filter(
    (f) =>
      !a.includes(f) ||
      !b.includes(f) ||
      readFileSync(join(committed, f), 'utf8') !== readFileSync(join(fresh, f), 'utf8'),
  );
  if (stale.length) {
    console.error(`Generated code is stale; run "npm run proto". Differs: ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(`proto: ${a.length} generated files up to date`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
