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
import { quoteIdent, quoteLiteral } from '../sql/quote.ts';
import type { Sql, SqlValue } from '../sql/sql.ts';
import { throwIfAborted } from './abort.ts';
import { unsupportedHandle } from './duckdb-blocking.ts';
import type { Engine, FileHandle, QueryOptions, RunContext } from './engine.ts';
import { arrowTable } from './native-arrow.node.ts';
import { nativeEngineError } from './native-errors.ts';
import {
  appendParquetSql,
  insertFromParquetSql,
  ipcColumns,
  ipcToParquet,
  parquetSchema,
  type DescribedColumn,
} from './native-ipc.node.ts';
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

/** How often a native Parquet read reports the rows it has read. */
const progressEveryMs = 200;

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
 * cores, a spill folder, results as the same Arrow tables DuckDB-WASM returns, Parquet files on
 * disk read by its own reader (readParquet). Everything it writes (registered files, spilled
 * blocks, batches in transit, links to files it reads) lives in one private temporary folder,
 * removed on close.
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
    // Progress is tracked only while a Parquet file is read (readParquet), and never printed.
    await conn.run('SET enable_progress_bar = false; SET enable_progress_bar_print = false');
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
  let reads = 0;
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

  /** The columns of a table or query, as DESCRIBE names and types them. */
  const describe = async (what: string): Promise<DescribedColumn[]> =>
    (await conn.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE ${what})`))
      .getRowsJS()
      .map(([name, type]) => ({ name: String(name), type: String(type) }));

  /**
   * An Arrow IPC batch into the table, through a Parquet file native DuckDB reads itself; a batch
   * with no rows creates the table a Parquet file's batches make (readParquet).
   */
  const insertBatch = async (tableName: string, ipcStream: Uint8Array, create: boolean) => {
    const file = path.join(root, `batch-${++batches}.parquet`);
    try {
      const columns = ipcColumns(ipcStream);
      await writeFile(file, ipcToParquet(ipcStream));
      const described = await conn.runAndReadAll(
        `SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(file)}))`,
      );
      const parquetTypes = described.getColumnsJS()[0]?.map(String) ?? [];
      await conn.run(insertFromParquetSql(tableName, file, columns, parquetTypes, create));
    } finally {
      await rm(file, { force: true });
    }
  };

  /**
   * Runs one statement that reads `total` rows, reporting the rows read so far from DuckDB's
   * query progress (tracked only while it runs: other queries pay nothing for it).
   */
  const runReadingRows = async (statement: string, total: number, ctx: RunContext) => {
    const { onProgress } = ctx;
    const report = (done: number) =>
      onProgress?.({ phase: 'reading Parquet', done, total, unit: 'rows' });
    if (onProgress === undefined) {
      await conn.run(statement);
      return;
    }
    await conn.run('SET enable_progress_bar = true');
    let done = 0;
    const timer = setInterval(() => {
      const rows = Math.min(total, Number(conn.progress.rows_processed));
      if (rows <= done) return;
      done = rows;
      report(done);
    }, progressEveryMs);
    try {
      const running = conn.run(statement);
      // Reported once the statement has started: a cancel this prompts interrupts the read.
      report(0);
      await running;
    } finally {
      clearInterval(timer);
      await conn.run('SET enable_progress_bar = false');
    }
    report(total);
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
        try {
          await insertBatch(tableName, ipcStream, opts.create);
        } catch (e) {
          throw fail(e);
        }
      });
    },
    async readParquet(tableName: string, filePath: string, ctx: RunContext = {}) {
      throwIfAborted(ctx.signal);
      return exclusive(async () => {
        const { signal } = ctx;
        const interrupt = () => conn.interrupt();
        signal?.addEventListener('abort', interrupt);
        // Linked, as a registered file is: the user's path never reaches SQL as a glob.
        const linked = path.join(root, `read-${++reads}.parquet`);
        let created = false;
        let reading = false;
        try {
          await linkTo(path.resolve(filePath), linked);
          // The table's columns and types are the ones a batch of the file makes: parquet-wasm's
          // Arrow schema of it, inserted as an empty batch.
          const { schema, rows: total } = await parquetSchema(linked);
          throwIfAborted(signal);
          await insertBatch(tableName, schema, true);
          created = true;
          const tableTypes = (await describe(quoteIdent(tableName))).map((c) => c.type);
          const fileColumns = await describe(`SELECT * FROM read_parquet(${quoteLiteral(linked)})`);
          if (tableTypes.length !== fileColumns.length) {
            throw new Error(
              `DuckDB reads ${fileColumns.length} columns where parquet-wasm reads ${tableTypes.length}`,
            );
          }
          throwIfAborted(signal);
          reading = true;
          await runReadingRows(
            appendParquetSql(tableName, linked, fileColumns, tableTypes),
            total,
            ctx,
          );
          // An interrupt that came as the statement started (or ended) is lost: cancel anyway.
          throwIfAborted(signal);
        } catch (e) {
          if (created) {
            await conn.run(`DROP TABLE IF EXISTS ${quoteIdent(tableName)}`).catch(() => undefined);
          }
          // DuckDB's messages name the file as the user does, not by its private link.
          const named =
            e instanceof Error && !(e instanceof FaultlineError)
              ? new Error(e.message.split(linked).join(filePath))
              : e;
          const error = fail(named, signal?.aborted === true);
          // What DuckDB's reader found broken in the file's data (a page, a header) is the
          // file's fault; any other failure is the engine's, for the caller to read another way.
          if (
            error.code === 'engine' &&
            reading &&
            /^Invalid( Input)? Error:/.test(error.message)
          ) {
            throw new FaultlineError({ code: 'malformed_parquet', message: error.message });
          }
          throw error;
        } finally {
          signal?.removeEventListener('abort', interrupt);
          await rm(linked, { force: true });
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
