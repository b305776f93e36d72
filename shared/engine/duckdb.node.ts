import { createRequire } from 'node:module';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import type * as DuckDBBlocking from '@duckdb/duckdb-wasm/blocking';
import { FaultlineError } from '../errors.ts';
import type { Sql } from '../sql/sql.ts';
import type { Engine, FileHandle, QueryOptions } from './engine.ts';
import { throwIfAborted } from './abort.ts';
import { offlineSettings } from './offline-settings.ts';
import { isOutOfMemory, outOfMemoryError } from './out-of-memory.ts';

const require = createRequire(import.meta.url);

type Duck = typeof DuckDBBlocking;

function loadDuckDB(): Duck {
  // The blocking build is CommonJS; the async Node build needs Web Workers, which Node 20 lacks.
  return require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as Duck;
}

/**
 * DuckDB-WASM's blocking Node build behind the Engine interface: the CLI, tests and bench run the
 * same SQL engine as the app. A query cannot be interrupted once running (it blocks the thread),
 * so cancellation is honoured between queries.
 */
export async function createNodeEngine(): Promise<Engine> {
  const duckdb = loadDuckDB();
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duckdb.createDuckDB(
    {
      mvp: {
        mainModule: path.join(dist, 'duckdb-mvp.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs'),
      },
      eh: {
        mainModule: path.join(dist, 'duckdb-eh.wasm'),
        mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs'),
      },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  conn.query(offlineSettings);

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
      if (handle.kind === 'path') {
        db.registerFileURL(name, handle.path, duckdb.DuckDBDataProtocol.NODE_FS, false);
      } else if (handle.kind === 'bytes') {
        db.registerFileBuffer(name, handle.bytes);
      } else {
        throw new FaultlineError({
          code: 'engine',
          message: 'browser files need the worker engine',
        });
      }
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
