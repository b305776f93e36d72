import type { Table } from 'apache-arrow';
import type { Sql } from '../sql/sql.ts';

/** Where a file's bytes come from. The engine reads a path or a browser file in place. */
export type FileHandle =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'path'; path: string }
  // A browser File (typed loosely: shared/ has no DOM types); the worker engine reads it in place.
  | { kind: 'browser-file'; file: object };

/** A file the user picked, as the loader sees it: a name for messages, a size, ranged reads. */
export interface DataSource {
  /** What errors call the file: its path or name as the user knows it. */
  readonly displayName: string;
  readonly size: number;
  readRange(start: number, end: number): Promise<Uint8Array>;
  readonly handle: FileHandle;
}

/**
 * The part of AbortSignal the core uses (shared/ is built without DOM or Node types; a real
 * AbortSignal fits it).
 */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface QueryOptions {
  signal?: CancelSignal;
}

/** Progress of long work, as numbers a view or a CLI bar can show. */
export interface Progress {
  phase: string;
  done: number;
  total?: number;
  unit?: 'bytes' | 'rows' | 'files' | 'steps';
  /** Rows loaded so far, once known: a load reports bytes while reading, then rows. */
  rows?: number;
}

/** `{signal, onProgress}` threaded through every long-running call. */
export interface RunContext {
  signal?: CancelSignal;
  onProgress?: (p: Progress) => void;
}

/**
 * The one SQL engine interface of the core. DuckDB-WASM implements it in Node (blocking build)
 * and in a browser worker (async build), native DuckDB in Node (duckdb-native.node.ts); all pass
 * engine-contract.ts.
 */
export interface Engine {
  /** Runs SQL with its bound parameters; the result is an Arrow table. */
  query(q: Sql, opts?: QueryOptions): Promise<Table>;
  /** Makes a file readable by SQL table functions under `name` (a name the engine chose). */
  registerFile(name: string, handle: FileHandle): Promise<void>;
  /** Forgets a registered file. */
  dropFile(name: string): Promise<void>;
  /** Creates (or appends to) a table from Arrow IPC stream bytes. */
  insertArrowIpc(
    tableName: string,
    ipcStream: Uint8Array,
    opts: { create: boolean },
  ): Promise<void>;
  /**
   * Optional: creates `tableName` from the Parquet file on disk at `path` with the engine's own
   * Parquet reader, for an engine that has one (native DuckDB). Decoding row groups to Arrow and
   * inserting them (load-binary.ts) costs native DuckDB ~5× its own read_parquet. The table must
   * be the one insertArrowIpc makes of parquet-wasm's batches of the file (column names, order
   * and types, values, row order), so a caller may use either. Reports rows read (unit 'rows')
   * and stops on `ctx.signal`; on failure no table is left. Fails `malformed_parquet` when the
   * file's data is broken, `engine` when the reader cannot make that table (the caller may then
   * insert batches). DuckDB-WASM leaves it out: its reader is an extension it would download.
   */
  readParquet?(tableName: string, path: string, ctx?: RunContext): Promise<void>;
  close(): Promise<void>;
}
