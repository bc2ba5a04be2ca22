// Runs the Playwright journeys: checks for a Chromium first, builds the app, then tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `No Chromium at ${chromium}. Install Debian's: "apt-get install -y chromium" ` +
      "(or point CHROMIUM_PATH at a Chromium binary). Playwright's own browser download does not work here.",
  );
  process.exit(1);
}
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
// E2E_DIST lets two checkouts' journeys run side by side without sharing a build folder.
const dist = process.env.E2E_DIST ?? 'dist/session-console';
// The icon subset font angular.json's styles include (and the check that every icon used is in it).
run('node', ['scripts/icon-font.mjs']);
run('ng', ['build', '--configuration', 'production', '--output-path', dist]);
run('playwright', ['test', ...process.argv.slice(2)]);
