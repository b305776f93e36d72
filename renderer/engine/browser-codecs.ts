import { tableToIPC } from 'apache-arrow';
import initParquet, {
  Compression,
  ParquetFile,
  Table as ParquetTable,
  WriterPropertiesBuilder,
  writeParquet,
} from 'parquet-wasm/esm';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { Codecs } from '../../shared/engine/load-dataset.ts';
import { parquetRowGroups } from '../../shared/engine/parquet-row-groups.ts';

let parquetReady: Promise<unknown> | null = null;

const readyParquet = () => (parquetReady ??= initParquet({ module_or_path: parquetWasm }));

/** The loader's codecs in the browser: parquet-wasm from the app's own files, gzip built in. */
export const browserCodecs: Codecs = {
  async openParquet(source) {
    await readyParquet();
    const { handle } = source;
    // A picked file is read in place, row group by row group; only bytes are wrapped.
    const blob =
      handle.kind === 'browser-file' && handle.file instanceof Blob
        ? handle.file
        : new Blob([(await source.readRange(0, source.size)) as Uint8Array<ArrayBuffer>]);
    return parquetRowGroups(await ParquetFile.fromFile(blob));
  },
  async gunzip(bytes) {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
  async writeParquet(rows) {
    await readyParquet();
    const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
    return writeParquet(ParquetTable.fromIPCStream(tableToIPC(rows, 'stream')), properties);
  },
};
