import { expect, test } from '@playwright/test';

// The app must load cleanly from a sub-path and work offline: no console
// errors, no uncaught exceptions, no failed request, and not one request to
// another origin.
test('loads from a sub-path with no errors and no outside requests', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  const failed: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) =>
    failed.push(`${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto('./');
  await expect(page).toHaveTitle(/ECMP failover/);
  await expect(page.getByRole('heading', { name: /ECMP failover/ }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');

  // Headless Chromium does not always fetch the icon itself, so check that it resolves.
  const iconURL = await page
    .locator('link[rel="icon"]')
    .evaluate((link: HTMLLinkElement) => link.href);
  expect.soft(iconURL.startsWith(baseURL!), `icon ${iconURL} is under ${baseURL}`).toBe(true);
  // The preview server answers unknown paths with index.html, so check the type, not just the status.
  const icon = await page.request.get(iconURL);
  expect.soft(icon.status(), `icon ${iconURL}`).toBe(200);
  expect.soft(icon.headers()['content-type'], `icon ${iconURL}`).toContain('image/svg+xml');

  const outside = requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
  expect.soft(outside, 'requests that left the page origin').toEqual([]);
  expect.soft(failed, 'failed requests').toEqual([]);
  expect.soft(consoleErrors, 'console errors').toEqual([]);
  expect.soft(pageErrors, 'uncaught page errors').toEqual([]);
  expect(requests.length, 'requests seen').toBeGreaterThan(1);
});
