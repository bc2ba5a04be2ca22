// Runs the Playwright journeys: checks for Chromium (and nginx), builds the app (and its
// /admin/ build for the nginx journeys), then tests.
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
const args = process.argv.slice(2);
// The nginx journeys (e2e/deploy/, project "nginx") serve this build at / and, beside it, a build
// with base href /admin/ under /admin/, as ArmoniK's ingress serves its GUI. They run unless the
// arguments name only other spec files.
const files = args.filter((arg) => /\.ts$|^e2e\//.test(arg));
const deploy =
  args.some((arg) => /deploy|nginx/.test(arg)) ||
  (files.length === 0 && !args.some((arg) => /(^|=)chromium$/.test(arg)));
const nginx = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
if (deploy && !existsSync(nginx)) {
  console.error(
    `No nginx at ${nginx}: the deployment journeys need Debian's ("apt-get install -y nginx", ` +
      'or point NGINX_PATH at an nginx binary).',
  );
  process.exit(1);
}
run('ng', ['build', '--configuration', 'production', '--output-path', dist]);
if (deploy)
  run('ng', [
    'build',
    '--configuration',
    'production',
    '--base-href',
    '/admin/',
    '--output-path',
    `${dist}-admin`,
  ]);
run('playwright', ['test', ...args]);
