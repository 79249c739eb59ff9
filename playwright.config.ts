import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/support/find-browser.mjs';

// The built app is served from a sub-path, to prove that `dist/` works from anywhere.
// E2E_PORT lets several checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT) || 4173;
const baseURL = `http://127.0.0.1:${port}/ecmp/`;
const isCI = Boolean(process.env.CI);

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
          args: chromiumArgs(),
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
