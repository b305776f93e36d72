import { createRequire } from 'node:module';
import path from 'node:path';
import type * as DuckDBBlocking from '@duckdb/duckdb-wasm/blocking';
import type { Engine } from './engine.ts';
import { blockingEngine, unsupportedHandle } from './duckdb-blocking.ts';

const require = createRequire(import.meta.url);

type Duck = typeof DuckDBBlocking;

function loadDuckDB(): Duck {
  // The blocking build is CommonJS; the async Node build needs Web Workers, which Node 20 lacks.
  return require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as Duck;
}

/**
 * DuckDB-WASM's blocking Node build behind the Engine interface: the CLI, tests and bench run the
 * same SQL engine as the app. Files are read in place by path.
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
  return blockingEngine(db, (bindings, name, handle) => {
    if (handle.kind !== 'path') throw unsupportedHandle(handle, 'by the Node engine');
    bindings.registerFileURL(name, handle.path, duckdb.DuckDBDataProtocol.NODE_FS, false);
  });
}
