import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The renderer as static files: relative URLs (Electron loads it from disk), every wasm and
// worker bundled beside it (no CDN, no network), and the bundled sample served as public files.
export default defineConfig({
  root: fromRoot('./renderer'),
  base: './',
  publicDir: fromRoot('./samples/data'),
  plugins: [react()],
  resolve: {
    alias: {
      'duckdb-browser-blocking': fromRoot(
        './node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs',
      ),
    },
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  worker: { format: 'es' },
  build: {
    outDir: fromRoot('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
