// The blocking browser build has no entry in @duckdb/duckdb-wasm's exports map: vite.config.ts
// aliases this name to its file. Its API is the typed blocking API plus the browser runtime.
declare module 'duckdb-browser-blocking' {
  import type { DuckDBRuntime } from '@duckdb/duckdb-wasm/blocking';

  export * from '@duckdb/duckdb-wasm/blocking';
  export const BROWSER_RUNTIME: DuckDBRuntime;
}
