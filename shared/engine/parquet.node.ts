import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as parquetWasm from 'parquet-wasm/esm';

const require = createRequire(import.meta.url);
let initialized = false;

/**
 * parquet-wasm, initialised once. Its ESM build is used in Node too: the package's Node build is
 * CommonJS inside a `"type": "module"` package and does not load.
 */
export function parquet(): typeof parquetWasm {
  if (!initialized) {
    parquetWasm.initSync({
      module: readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')),
    });
    initialized = true;
  }
  return parquetWasm;
}
