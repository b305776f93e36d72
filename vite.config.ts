import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy } from './electron/window.ts';

const metaPolicy = contentSecurityPolicy
  .split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

const fromRoot = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// DuckDB's emscripten glue (in the worker bundle) holds direct evals on paths the app never takes
// (the CSP forbids eval, and the e2e tests run under that CSP); warning about them on every build
// says nothing we can act on. Plugin timings are noise too.
const quietChecks = { eval: false, pluginTimings: false };

// The renderer as static files: relative URLs (Electron loads it from disk), every wasm and
// worker bundled beside it (no CDN, no network), and the bundled sample served as public files.
export default defineConfig({
  root: fromRoot('./renderer'),
  base: './',
  publicDir: fromRoot('./samples/data'),
  plugins: [
    react(),
    // The same policy as a meta tag in the built page: Electron loads it from disk, where no
    // server sends headers. (frame-ancestors only works as a header; the window denies framing.)
    {
      name: 'faultline-csp-meta',
      apply: 'build',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy },
          injectTo: 'head-prepend',
        },
      ],
    },
  ],
  resolve: {
    alias: {
      'duckdb-browser-blocking': fromRoot(
        './node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs',
      ),
    },
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  worker: { format: 'es', rolldownOptions: { checks: quietChecks } },
  build: {
    outDir: fromRoot('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // plotly.js (4.6 MB) is its own chunk, loaded only when a chart is first drawn.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: { checks: quietChecks },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // The desktop window's Content-Security-Policy on the served app too, so the browser the e2e
  // tests drive enforces exactly what Electron does.
  preview: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  },
});
