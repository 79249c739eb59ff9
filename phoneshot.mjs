import { chromium } from '@playwright/test';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
for (const theme of ['light', 'dark']) {
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme: theme,
  });
  await page.goto('http://127.0.0.1:4180/ecmp/?paused=1');
  await page.waitForSelector('html[data-ready="1"]');
  await page.evaluate(() => window.ecmp.advance(10_300));
  await page
    .locator('section[aria-label="Network topology"]')
    .screenshot({ path: `/tmp/phone-stage-${theme}.png` });
  const sizes = await page.evaluate(() => {
    const out = [];
    for (const t of document.querySelectorAll('svg.topology text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      const fs = parseFloat(getComputedStyle(t).fontSize);
      const m = t.getScreenCTM();
      out.push([t.textContent.slice(0, 12), +(fs * (m ? m.a : 1)).toFixed(1)]);
    }
    return out;
  });
  console.log(
    await page.evaluate(() => {
      const r = document.querySelector('svg.topology').getBoundingClientRect();
      return [r.width, r.height, document.querySelector('svg.topology').getAttribute('viewBox')];
    }),
    JSON.stringify(sizes.slice(0, 3)),
    await page.evaluate(() => document.documentElement.scrollWidth),
  );
}
await browser.close();
