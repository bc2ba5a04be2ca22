import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium (apt-get install -y chromium); Playwright's own browser download does not
// work on a closed network.
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const port = Number(process.env['E2E_PORT'] ?? 4310);
const dist = process.env['E2E_DIST'] ?? 'dist/session-console';

export default defineConfig({
  testDir: './e2e',
  // Playwright empties its output folder when it starts: runs beside another build get their own.
  outputDir: process.env['E2E_DIST'] ? `test-results/${dist.replace(/[^\w-]+/g, '-')}` : undefined,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    locale: 'en-US',
    timezoneId: 'UTC',
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'deploy/**',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1600, height: 1000 } },
    },
    // Debian's nginx in front of a control plane of its own, serving the `/` build and the
    // base-href `/admin/` build (scripts/e2e.mjs makes both); the specs start and stop it.
    {
      name: 'nginx',
      testDir: './e2e/deploy',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1600, height: 1000 } },
    },
  ],
  // The production build served by the embedded control plane itself: one origin, one process,
  // a fixed seed and no simulation, so every journey starts from the same cluster.
  webServer: {
    command: `tsx server/main.ts --port ${port} --static ${dist}/browser --seed 7 --no-simulation`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 120_000,
    stdout: 'pipe',
  },
});
