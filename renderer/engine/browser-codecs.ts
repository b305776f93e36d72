import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { Codecs } from '../../shared/engine/load-dataset.ts';

let parquetReady: Promise<unknown> | null = null;

/** The loader's decoders in the browser: parquet-wasm from the app's own files, gzip built in. */
export const browserCodecs: Codecs = {
  async parquetToArrow(bytes) {
    parquetReady ??= initParquet({ module_or_path: parquetWasm });
    await parquetReady;
    return readParquet(bytes).intoIPCStream();
  },
  async gunzip(bytes) {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
};
