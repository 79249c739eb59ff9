import { expect, type Page, test } from '@playwright/test';

// The built page carries a Content-Security-Policy: its own scripts run,
// nothing else does (no injected inline script, no eval, no onclick
// attribute), and the app itself needs nothing the policy forbids.

declare global {
  interface Window {
    violations: string[];
    injectedRan?: boolean;
  }
}

async function open(page: Page, path = './?preset=basic&paused=1') {
  // Init scripts come from the test driver, not the page, so the policy does not stop them.
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
}

test('the policy is served with the page, at its sub-path', async ({ page }) => {
  await open(page);
  expect(new URL(page.url()).pathname).toBe('/ecmp/');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
});

test('the app runs without a single violation, lazy panels and pictures included', async ({
  page,
}) => {
  await open(page);
  await page.evaluate(async () => {
    await window.ecmp.advance(12_000);
    await window.ecmp.fail(2);
  });
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Scenario settings' })).toBeVisible();
  await page.getByRole('button', { name: /^Node 3, / }).click();
  await expect(page.getByRole('table', { name: 'Routing table' })).toBeVisible();
  // The picture is drawn from an SVG blob into a canvas and saved as a data or blob URL.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export stage as PNG' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);
  expect(await page.evaluate(() => window.violations)).toEqual([]);
});

test('an injected inline script, eval and an onclick attribute do not run', async ({ page }) => {
  await open(page);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true';
    document.head.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.injectedRan = true');
    document.body.append(button);
    button.click();
    button.remove();
    return window.injectedRan ?? false;
  });
  expect(ran).toBe(false);
  // Code the test driver evaluates is exempt from the policy; a timer's callback is the page's own.
  const evalResult = await page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            // biome-ignore lint/security/noGlobalEval: proving that the policy blocks it
            eval('1 + 1');
            resolve('ran');
          } catch (error) {
            resolve((error as Error).name);
          }
        }),
      ),
  );
  expect(evalResult).toBe('EvalError');
  const violations = await page.evaluate(() => window.violations);
  expect(violations.some((v) => v.startsWith('script-src-elem inline'))).toBe(true);
  expect(violations.some((v) => v.startsWith('script-src eval'))).toBe(true);
  expect(violations.some((v) => v.startsWith('script-src-attr inline'))).toBe(true);
});

test('markup in a scenario title is shown as text, never run', async ({ page }) => {
  const title =
    '<img src=x onerror="window.injectedRan=true"><script>window.injectedRan=true</script>';
  const scenario = encodeURIComponent(
    JSON.stringify({ version: 1, nodes: 2, title, description: title }),
  );
  await open(page, `./?scenario=${scenario}&paused=1`);
  await expect(page.getByText(title).first()).toBeVisible();
  expect(await page.evaluate(() => window.injectedRan ?? false)).toBe(false);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});
