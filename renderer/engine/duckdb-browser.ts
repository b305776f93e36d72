import * as duckdb from 'duckdb-browser-blocking';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { blockingEngine, unsupportedHandle } from '../../shared/engine/duckdb-blocking.ts';
import type { Engine } from '../../shared/engine/engine.ts';

/**
 * DuckDB-WASM's blocking browser build, run inside the analysis worker (never on the UI thread):
 * the same wrapper as the Node engine, with picked files read in place through FileReaderSync,
 * which only workers have. Both wasm files are bundled by Vite and served by the app itself.
 */
export async function createBrowserEngine(): Promise<Engine> {
  const db = await duckdb.createDuckDB(
    {
      // The blocking build loads only the wasm; the worker fields are for the async build.
      mvp: { mainModule: mvpWasm, mainWorker: '' },
      eh: { mainModule: ehWasm, mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.BROWSER_RUNTIME,
  );
  await db.instantiate();
  return blockingEngine(db, (bindings, name, handle) => {
    if (handle.kind !== 'browser-file') throw unsupportedHandle(handle, 'in the browser');
    bindings.registerFileHandle(
      name,
      handle.file,
      duckdb.DuckDBDataProtocol.BROWSER_FILEREADER,
      true,
    );
  });
}
