import type { Table } from 'apache-arrow';
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { FaultlineError } from '../errors.ts';
import type { Sql } from '../sql/sql.ts';
import type { Engine, FileHandle, QueryOptions } from './engine.ts';
import { throwIfAborted } from './abort.ts';
import { offlineSettings } from './offline-settings.ts';
import { isOutOfMemory, outOfMemoryError } from './out-of-memory.ts';

/** How a front end makes a file handle readable by DuckDB (a path in Node, a File in a worker). */
export type RegisterHandle = (db: DuckDBBindings, name: string, handle: FileHandle) => void;

/**
 * An instantiated blocking DuckDB-WASM (the Node build for the CLI and tests, the browser build
 * inside the app's analysis worker) behind the Engine interface, so both run the same code. A
 * query cannot be interrupted once running (it blocks its thread), so cancellation is honoured
 * between queries.
 */
export function blockingEngine(db: DuckDBBindings, registerHandle: RegisterHandle): Engine {
  const conn = db.connect();
  conn.query(offlineSettings);
  // DuckDB-WASM reports progress through an embind caller it compiles with `new Function`, which
  // the app's CSP forbids, so some queries (sniff_csv, count DISTINCT) failed there. Its display is
  // called even with enable_progress_bar off unless printing is off too (measured). Load progress
  // comes from the file reads instead (renderer/engine/blob-source.ts).
  conn.query('SET enable_progress_bar = false; SET enable_progress_bar_print = false;');

  const run = (q: Sql): Table => {
    try {
      if (q.params.length === 0) return conn.query(q.text) as Table;
      const stmt = conn.prepare(q.text);
      try {
        return stmt.query(...q.params) as Table;
      } finally {
        stmt.close();
      }
    } catch (e) {
      throw engineError(e);
    }
  };

  return {
    async query(q: Sql, opts?: QueryOptions) {
      throwIfAborted(opts?.signal);
      return run(q);
    },
    async registerFile(name: string, handle: FileHandle) {
      if (handle.kind === 'bytes') db.registerFileBuffer(name, handle.bytes);
      else registerHandle(db, name, handle);
    },
    async dropFile(name: string) {
      db.dropFile(name);
    },
    async insertArrowIpc(tableName: string, ipcStream: Uint8Array, opts: { create: boolean }) {
      try {
        conn.insertArrowFromIPCStream(ipcStream, { name: tableName, create: opts.create });
      } catch (e) {
        throw engineError(e);
      }
    },
    async close() {
      conn.close();
      await db.reset();
    },
  };
}

/** A handle kind this front end cannot read, as the core's error. */
export function unsupportedHandle(handle: FileHandle, where: string): FaultlineError {
  return new FaultlineError({
    code: 'engine',
    message: `${handle.kind} files cannot be read ${where}`,
  });
}

function engineError(e: unknown): FaultlineError {
  if (e instanceof FaultlineError) return e;
  const message = cleanDuckMessage(e instanceof Error ? e.message : String(e));
  if (isOutOfMemory(message)) return outOfMemoryError(message);
  return new FaultlineError({ code: 'engine', message });
}

/** DuckDB-WASM sometimes wraps errors as JSON ({"exception_type", "exception_message"}). */
export function cleanDuckMessage(message: string): string {
  try {
    const parsed = JSON.parse(message) as { exception_type?: string; exception_message?: string };
    if (parsed.exception_message) return parsed.exception_message;
  } catch {
    // not JSON: already plain text
  }
  return message;
}
