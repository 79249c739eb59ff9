import { chromium } from '@playwright/test';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
for (const preset of process.argv.slice(2)) {
  await page.goto(`http://127.0.0.1:4180/ecmp/?preset=${preset}&paused=1`);
  await page.waitForSelector('html[data-ready="1"]');
  const at = await page.evaluate(() => {
    const f = window.ecmp.scenario().faults;
    return f.length ? f[0].atMs : 0;
  });
  await page.evaluate((t) => window.ecmp.advance(t + 2500), at);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/tour/${preset}.png`, fullPage: true });
}
await browser.close();
