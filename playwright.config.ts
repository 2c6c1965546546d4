import { defineConfig, devices } from '@playwright/test';

// E2E_PORT / E2E_DATA_DIR let several checkouts' runs (with TENURE_DIST_DIR builds) share a machine.
const port = process.env.E2E_PORT || '3100';
const dataDir = process.env.E2E_DATA_DIR || '.e2e-data';
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  // One worker: a 2-core machine runs the app server, PGlite (one connection) and Chromium at once.
  workers: 1,
  // A flaky journey is a bug to fix, not to retry.
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium: `npx playwright install` cannot download on these machines.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          // Without the background-networking flags Chromium floods a closed network with retries.
          args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // A fresh embedded database every run, so journeys start from the seeded demo org only.
    command: `rm -rf ${dataDir} && npm start`,
    // Ready means migrated and seeded, which `npm start` announces after `next start` listens.
    wait: { stdout: /Tenure is ready on/ },
    url: `${baseURL}/login`,
    // DATABASE_URL blank: the e2e run never touches a developer's or CI's PostgreSQL. Private webhook addresses are
    // allowed so a journey can receive a playbook's webhook on 127.0.0.1 (the guard itself has integration tests).
    env: { PORT: port, HOSTNAME: '127.0.0.1', TENURE_DATA_DIR: dataDir, DATABASE_URL: '', TENURE_ALLOW_PRIVATE_WEBHOOKS: 'true' },
    // The first start may build, migrate and seed.
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
