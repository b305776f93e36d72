import { Table, tableToIPC } from 'apache-arrow';
import { openAsBlob } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { FaultlineError } from '../errors.ts';
import type { DataSource } from './engine.ts';
import type { Codecs } from './load-dataset.ts';
import { parquet } from './parquet.node.ts';
import { parquetRowGroups } from './parquet-row-groups.ts';
import { readFileRange } from './read-file-range.node.ts';

const gunzipAsync = promisify(gunzip);
const require = createRequire(import.meta.url);

/**
 * Arrow IPC stream bytes of a table. DuckDB-WASM's Node build is CommonJS and makes its tables
 * with apache-arrow's CommonJS build, which the ESM writer does not recognise (it checks
 * `instanceof` and writes nothing), so each table is written by the build that made it.
 */
function ipcStreamOf(rows: Table): Uint8Array {
  if (rows instanceof Table) return tableToIPC(rows, 'stream');
  const commonJs = require('apache-arrow') as { tableToIPC: typeof tableToIPC };
  return commonJs.tableToIPC(rows, 'stream');
}

/** A file on disk as a DataSource; DuckDB reads it in place through its path. */
export async function dataSourceFromPath(filePath: string): Promise<DataSource> {
  const absolute = path.resolve(filePath);
  let size: number;
  try {
    const s = await stat(absolute);
    if (s.isDirectory()) throw new Error('is a directory');
    size = s.size;
  } catch (e) {
    throw new FaultlineError({
      code: 'file_not_found',
      file: filePath,
      message: `${filePath}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    });
  }
  return {
    displayName: filePath,
    size,
    handle: { kind: 'path', path: absolute },
    readRange: (start: number, end: number) => readFileRange(absolute, start, end),
  };
}

const dataExtensions =
  /\.(csv|tsv|tab|txt|parquet|pq|jsonl|ndjson|json|arrow|feather|ipc|arrows)(\.gz)?$/i;

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${escaped}$`);
}

/**
 * A command-line input → files: a file as is; a directory → its data files (sorted, not
 * recursive); a glob (`*`, `?` in the last segment) → the matching files.
 */
export async function expandInput(input: string): Promise<string[]> {
  if (/[*?]/.test(path.basename(input))) {
    const dir = path.dirname(input);
    const re = globToRegExp(path.basename(input));
    const names = await readdir(dir).catch(() => {
      throw new FaultlineError({
        code: 'file_not_found',
        file: input,
        message: `${input}: folder ${dir} not found`,
      });
    });
    const matched = names
      .filter((n) => re.test(n))
      .sort()
      .map((n) => path.join(dir, n));
    if (matched.length === 0) {
      throw new FaultlineError({
        code: 'file_not_found',
        file: input,
        message: `${input}: no file matches`,
      });
    }
    return matched;
  }
  const s = await stat(input).catch(() => null);
  if (s?.isDirectory()) {
    const names = (await readdir(input)).filter((n) => dataExtensions.test(n)).sort();
    if (names.length === 0) {
      throw new FaultlineError({
        code: 'file_not_found',
        file: input,
        message: `${input}: the folder holds no data files`,
      });
    }
    return names.map((n) => path.join(input, n));
  }
  return [input];
}

/** Parquet in and out (parquet-wasm's Node build) and gzip (zlib) for the Node front ends. */
export function nodeCodecs(): Codecs {
  return {
    async openParquet(source) {
      // A file-backed Blob: parquet-wasm reads the footer and one row group at a time from disk.
      const { handle } = source;
      const blob =
        handle.kind === 'path'
          ? await openAsBlob(handle.path)
          : new Blob([(await source.readRange(0, source.size)) as Uint8Array<ArrayBuffer>]);
      return parquetRowGroups(await parquet().ParquetFile.fromFile(blob));
    },
    async gunzip(bytes) {
      return new Uint8Array(await gunzipAsync(bytes));
    },
    async writeParquet(rows) {
      const pq = parquet();
      const properties = new pq.WriterPropertiesBuilder()
        .setCompression(pq.Compression.ZSTD)
        .build();
      return pq.writeParquet(pq.Table.fromIPCStream(ipcStreamOf(rows)), properties);
    },
  };
}
