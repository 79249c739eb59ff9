/** The path Playwright expects its ffmpeg (for video recording) at. */
export function playwrightFfmpegPath(): string | undefined;
/** Playwright's ffmpeg, linking a system ffmpeg into place when Playwright has none. */
export function findFfmpeg(): { path: string; source: string } | undefined;
