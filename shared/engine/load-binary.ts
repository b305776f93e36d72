import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { FaultlineError } from '../errors.ts';
import type { Engine } from './engine.ts';

/** Parquet → Arrow IPC stream. Injected: the reader's wasm loads differently in Node and browser. */
export type ParquetToArrow = (bytes: Uint8Array) => Promise<Uint8Array>;

function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] ?? text;
}

/**
 * Parquet through parquet-wasm: DuckDB-WASM's own reader is an extension it would download, so
 * offline it is never asked.
 */
export async function loadParquet(
  engine: Engine,
  bytes: Uint8Array,
  parquetToArrow: ParquetToArrow,
  tableName: string,
  displayName: string,
): Promise<void> {
  let ipc: Uint8Array;
  try {
    ipc = await parquetToArrow(bytes);
  } catch (e) {
    throw new FaultlineError({
      code: 'malformed_parquet',
      file: displayName,
      message: `${displayName}: not a readable Parquet file (${reason(e)})`,
    });
  }
  await engine.insertArrowIpc(tableName, ipc, { create: true });
}

/** Arrow IPC, file or stream format; DuckDB takes the stream format, so files are re-framed. */
export async function loadArrowIpc(
  engine: Engine,
  bytes: Uint8Array,
  tableName: string,
  displayName: string,
): Promise<void> {
  let stream: Uint8Array;
  try {
    const t = tableFromIPC(bytes);
    if (t.schema.fields.length === 0) throw new Error('no columns');
    stream = tableToIPC(t, 'stream');
  } catch (e) {
    throw new FaultlineError({
      code: 'malformed_arrow',
      file: displayName,
      message: `${displayName}: not a readable Arrow IPC file (${reason(e)})`,
    });
  }
  await engine.insertArrowIpc(tableName, stream, { create: true });
}
