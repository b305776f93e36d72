import { rmSync } from 'node:fs';
import { link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BOOLEAN,
  DOUBLE,
  DuckDBInstance,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
} from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { FaultlineError } from '../errors.ts';
import { quoteLiteral } from '../sql/quote.ts';
import type { Sql, SqlValue } from '../sql/sql.ts';
import { throwIfAborted } from './abort.ts';
import { unsupportedHandle } from './duckdb-blocking.ts';
import type { Engine, FileHandle, QueryOptions } from './engine.ts';
import { arrowTable } from './native-arrow.node.ts';
import { nativeEngineError } from './native-errors.ts';
import { insertFromParquetSql, ipcColumns, ipcToParquet } from './native-ipc.node.ts';
import { offlineSettings } from './offline-settings.ts';

export interface NativeEngineOptions {
  /** DuckDB's worker threads; every core when absent. */
  threads?: number;
  /** DuckDB's memory_limit (e.g. '4GB'); DuckDB's default, 80% of RAM, when absent. */
  memoryLimit?: string;
}

/** Bound values typed as DuckDB-WASM binds them: numbers DOUBLE, text, booleans. */
function paramType(v: SqlValue): DuckDBType {
  if (typeof v === 'number') return DOUBLE;
  if (typeof v === 'boolean') return BOOLEAN;
  // A null binds untyped (the binding has no typed null); the core casts its nulls.
  return VARCHAR;
}

/** A symbolic link, else (Windows without the right to make one) a hard link. */
async function linkTo(target: string, at: string): Promise<void> {
  try {
    await symlink(target, at);
  } catch (e) {
    try {
      await link(target, at);
    } catch {
      throw new FaultlineError({
        code: 'engine',
        message: `the native engine cannot link to ${target} (${(e as Error).message})`,
      });
    }
  }
}

/**
 * Native DuckDB (@duckdb/node-api) behind the Engine interface, for logs larger than memory: all
 * cores, a spill folder, results as the same Arrow tables DuckDB-WASM returns. Everything it
 * writes (registered files, spilled blocks, batches in transit) lives in one private temporary
 * folder, removed on close.
 */
export async function createNativeEngine(opts: NativeEngineOptions = {}): Promise<Engine> {
  const root = await mkdtemp(path.join(tmpdir(), 'faultline-native-'));
  const filesDir = path.join(root, 'files');
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  try {
    await mkdir(filesDir);
    instance = await DuckDBInstance.create(':memory:', {
      // Offline from the first statement: nothing may wait on an extension download.
      autoload_known_extensions: 'false',
      autoinstall_known_extensions: 'false',
      // An in-memory database would otherwise spill to `.tmp` in the working directory.
      temp_directory: path.join(root, 'spill'),
      ...(opts.threads !== undefined ? { threads: String(opts.threads) } : {}),
      ...(opts.memoryLimit !== undefined ? { memory_limit: opts.memoryLimit } : {}),
    });
    conn = await instance.connect();
    await conn.run(offlineSettings);
    await conn.run('SET enable_progress_bar = false');
    // Native DuckDB has ICU, so TIMESTAMP WITH TIME ZONE casts would follow the machine's zone;
    // DuckDB-WASM (no ICU) works in UTC, and the core relies on that (normalize-types.ts).
    await conn.run("SET TimeZone = 'UTC'");
  } catch (e) {
    await rm(root, { recursive: true, force: true });
    throw nativeEngineError(e, { aborted: false, privatePrefix: root });
  }

  // A process that ends without closing the engine (an uncaught error, process.exit) still
  // removes its folder; spilled blocks can be large.
  const removeOnExit = () => rmSync(root, { recursive: true, force: true });
  process.once('exit', removeOnExit);

  const files = new Map<string, string>();
  const privatePrefix = filesDir + path.sep;
  let batches = 0;
  let tail: Promise<unknown> = Promise.resolve();
  // One statement at a time on the one connection, so an interrupt only ever stops its own query.
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  const fail = (e: unknown, aborted = false) => nativeEngineError(e, { aborted, privatePrefix });

  // A registered name stands for its file in SQL, as with DuckDB-WASM's registered files: the
  // literal is pointed at the private link, so a file of that name in the working directory
  // (which DuckDB would read before any file_search_path) is never read instead.
  const withFiles = (text: string): string => {
    let out = text;
    for (const [name, full] of files) out = out.split(quoteLiteral(name)).join(quoteLiteral(full));
    return out;
  };

  const run = async (q: Sql, signal: QueryOptions['signal']): Promise<Table> => {
    throwIfAborted(signal);
    const interrupt = () => conn.interrupt();
    signal?.addEventListener('abort', interrupt);
    try {
      const result =
        q.params.length === 0
          ? await conn.run(withFiles(q.text))
          : await conn.run(withFiles(q.text), [...q.params], q.params.map(paramType));
      const chunks = await result.fetchAllChunks();
      return arrowTable(result.columnNames(), result.columnTypes(), chunks);
    } catch (e) {
      throw fail(e, signal?.aborted === true);
    } finally {
      signal?.removeEventListener('abort', interrupt);
    }
  };

  return {
    async query(q: Sql, opts?: QueryOptions) {
      throwIfAborted(opts?.signal);
      return exclusive(() => run(q, opts?.signal));
    },
    async registerFile(name: string, handle: FileHandle) {
      if (path.basename(name) !== name || name === '.' || name === '..') {
        throw new FaultlineError({ code: 'engine', message: `not a file name: ${name}` });
      }
      if (handle.kind === 'browser-file') throw unsupportedHandle(handle, 'by the native engine');
      const full = path.join(filesDir, name);
      await rm(full, { force: true });
      // A link, not a copy: DuckDB reads the file in place, named as registered (so `.gz` and
      // the like still tell it how to read, and the user's path never reaches SQL, where its
      // `*`, `?` or `[` would be read as a glob).
      if (handle.kind === 'bytes') await writeFile(full, handle.bytes);
      else await linkTo(path.resolve(handle.path), full);
      files.set(name, full);
    },
    async dropFile(name: string) {
      const full = files.get(name);
      files.delete(name);
      if (full !== undefined) await rm(full, { force: true });
    },
    async insertArrowIpc(tableName: string, ipcStream: Uint8Array, opts: { create: boolean }) {
      return exclusive(async () => {
        const file = path.join(root, `batch-${++batches}.parquet`);
        try {
          const columns = ipcColumns(ipcStream);
          await writeFile(file, ipcToParquet(ipcStream));
          const described = await conn.runAndReadAll(
            `SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(file)}))`,
          );
          const parquetTypes = described.getColumnsJS()[0]?.map(String) ?? [];
          await conn.run(insertFromParquetSql(tableName, file, columns, parquetTypes, opts.create));
        } catch (e) {
          throw fail(e);
        } finally {
          await rm(file, { force: true });
        }
      });
    },
    async close() {
      await exclusive(async () => {
        conn.closeSync();
        instance.closeSync();
      });
      process.removeListener('exit', removeOnExit);
      await rm(root, { recursive: true, force: true });
    },
  };
}
