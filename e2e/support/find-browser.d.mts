/** The first Chromium found: `$PLAYWRIGHT_CHROMIUM_PATH` / `$CHROME_PATH`, the system's, Playwright's own. */
export function findChromium(): { path: string; source: string } | undefined;
/** The arguments every run launches Chromium with (no outside requests; no sandbox as root). */
export function chromiumArgs(): string[];
