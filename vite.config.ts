import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// index.html's Content-Security-Policy forbids inline script. Only the dev server
// needs one (React Refresh's preamble), so only the dev server relaxes it.
const devServerCsp: Plugin = {
  name: 'dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

// `base: './'` makes every asset URL relative, so `dist/` works from any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), devServerCsp],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'walkthroughs/**/*.test.ts'],
    environment: 'node',
  },
});
