import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './e2e/support/find-browser.mjs';

// The built app is served from a sub-path, to prove that `dist/` works from anywhere.
// E2E_PORT lets several checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT) || 4173;
const baseURL = `http://127.0.0.1:${port}/ecmp/`;
const isCI = Boolean(process.env.CI);
const isRoot = process.getuid?.() === 0;

// Undefined lets Playwright fall back to its own browser (and its own "run
// npx playwright install" message); `npm run test:e2e` installs one first.
const executablePath = findChromium()?.path;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            // Even headless, Chromium looks up Google hosts at start; keep every
            // request on this machine so the smoke test can demand exactly that.
            '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            // Chromium refuses to start its sandbox as root (CI runs as root).
            ...(isRoot ? ['--no-sandbox'] : []),
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --base /ecmp/`,
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 30_000,
  },
});
