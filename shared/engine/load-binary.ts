import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { FaultlineError } from '../errors.ts';
import { throwIfAborted } from './abort.ts';
import type { DataSource, Engine, Progress, RunContext } from './engine.ts';
import type { ParquetRowGroups } from './parquet-row-groups.ts';

/** Opens a Parquet source for row-group reads. Injected: parquet-wasm loads differently per host. */
export type OpenParquet = (source: DataSource) => Promise<ParquetRowGroups>;

function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] ?? text;
}

function notParquet(name: string, e: unknown): FaultlineError {
  return new FaultlineError({
    code: 'malformed_parquet',
    file: name,
    message: `${name}: not a readable Parquet file (${reason(e)})`,
  });
}

/**
 * Parquet through parquet-wasm (DuckDB-WASM's own reader is an extension it would download, so
 * offline it is never asked), one row group at a time: each is appended to the table as it is
 * decoded, so memory holds the table and one row group, and progress counts rows. An engine that
 * reads Parquet itself (Engine.readParquet: native DuckDB, ~5× faster) reads a file on disk to
 * the same table, after the same checks of the footer, so a file that is not Parquet or holds no
 * row groups fails as it does here; a file whose table its reader cannot make is read this way.
 */
export async function loadParquet(
  engine: Engine,
  source: DataSource,
  openParquet: OpenParquet,
  tableName: string,
  ctx: RunContext,
): Promise<void> {
  const name = source.displayName;
  let groups: ParquetRowGroups;
  try {
    groups = await openParquet(source);
  } catch (e) {
    throw notParquet(name, e);
  }
  if (groups.rowsPerGroup.length === 0) {
    throw new FaultlineError({ code: 'no_rows', file: name, message: `${name}: no data rows` });
  }
  const total = groups.rowsPerGroup.reduce((a, b) => a + b, 0);
  const report = (done: number) =>
    ctx.onProgress?.({ phase: `reading ${name}`, done, total, unit: 'rows' });
  if (engine.readParquet !== undefined && source.handle.kind === 'path') {
    throwIfAborted(ctx.signal);
    try {
      await engine.readParquet(tableName, source.handle.path, {
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(ctx.onProgress ? { onProgress: (p: Progress) => report(Math.min(p.done, total)) } : {}),
      });
      return;
    } catch (e) {
      if (e instanceof FaultlineError && e.code === 'malformed_parquet') throw notParquet(name, e);
      // Cancelled or out of memory stand; a table the reader cannot make is made from batches.
      if (!(e instanceof FaultlineError) || e.code !== 'engine') throw e;
    }
  }
  let done = 0;
  for (const [i, rows] of groups.rowsPerGroup.entries()) {
    throwIfAborted(ctx.signal);
    let ipc: Uint8Array;
    try {
      ipc = await groups.read(i);
    } catch (e) {
      throw notParquet(name, e);
    }
    await engine.insertArrowIpc(tableName, ipc, { create: i === 0 });
    done += rows;
    report(done);
  }
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
