import type { Table } from 'apache-arrow';
import { FaultlineError } from '../errors.ts';
import { throwIfAborted } from './abort.ts';
import { binaryOffset, detectFormat, hasGzipMagic, type FileFormat } from './detect-format.ts';
import type { DataSource, Engine, RunContext } from './engine.ts';
import { countRows, loadCsv, type CsvOptions } from './load-csv.ts';
import { insertJsonRecords, parseJsonArray, parseJsonLines } from './load-json.ts';
import { loadArrowIpc, loadParquet, type OpenParquet } from './load-binary.ts';
import { normalizeTypes } from './normalize-types.ts';
import { describeTable, type DatasetColumn } from './describe-table.ts';
import { sql, table } from '../sql/sql.ts';

/** Decoders (and the Parquet encoder) that differ between Node and the browser, passed in. */
export interface Codecs {
  openParquet: OpenParquet;
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
  /** An Arrow table as the engine returns it → Parquet bytes (ZSTD), e.g. a fixture's rows. */
  writeParquet(rows: Table): Promise<Uint8Array>;
}

export interface LoadOptions extends CsvOptions {
  /** The engine table to create; the caller chooses it (never a user's text). */
  tableName: string;
  codecs: Codecs;
}

export interface LoadWarning {
  code: 'duplicate_column_name' | 'renamed_column';
  column: string;
  file: string;
  message: string;
}

export interface LoadedFile {
  name: string;
  format: FileFormat;
  gzip: boolean;
  bytes: number;
  rows: number;
}

/** A table in the engine and what is known of it: plain data, JSON-safe. */
export interface LoadedDataset {
  table: string;
  format: FileFormat | 'mixed';
  files: LoadedFile[];
  rows: number;
  columns: DatasetColumn[];
  warnings: LoadWarning[];
}

const headBytes = 64 * 1024;

/**
 * One or more files (a folder or glob expanded by the caller) → one table, columns united by
 * name. Any bad file fails the whole load with one clear error, and no table is left behind.
 */
export async function loadDataset(
  engine: Engine,
  sources: readonly DataSource[],
  opts: LoadOptions,
  ctx: RunContext = {},
): Promise<LoadedDataset> {
  if (sources.length === 0) {
    throw new FaultlineError({ code: 'file_not_found', message: 'no input files matched' });
  }
  const staging = `${opts.tableName}__part`;
  const files: LoadedFile[] = [];
  const warnings: LoadWarning[] = [];
  const rowsSoFar = () => files.reduce((n, f) => n + f.rows, 0);
  try {
    for (const [i, source] of sources.entries()) {
      throwIfAborted(ctx.signal);
      ctx.onProgress?.({
        phase: `reading ${source.displayName}`,
        done: i,
        total: sources.length,
        unit: 'files',
        ...(i > 0 ? { rows: rowsSoFar() } : {}),
      });
      // The first file becomes the table; each later one is appended and dropped at once, so
      // memory holds the dataset plus one file, never all the parts twice.
      const target = i === 0 ? opts.tableName : staging;
      const fileName = `f_${opts.tableName}_${i}`;
      files.push(await loadOneFile(engine, source, target, fileName, opts, ctx, warnings));
      if (i > 0) {
        await appendByName(engine, opts.tableName, staging, files, ctx);
        await dropQuietly(engine, [staging]);
      }
    }
    const fromJson = files.some((f) => f.format === 'json' || f.format === 'jsonl');
    await normalizeTypes(engine, opts.tableName, { textTimestamps: fromJson }, ctx);
  } catch (e) {
    await dropQuietly(engine, [staging, opts.tableName]);
    throw e;
  }
  const rows = rowsSoFar();
  const formats = new Set(files.map((f) => f.format));
  return {
    table: opts.tableName,
    format: formats.size === 1 ? (files[0]?.format ?? 'csv') : 'mixed',
    files,
    rows,
    columns: await describeTable(engine, opts.tableName, ctx),
    warnings,
  };
}

async function loadOneFile(
  engine: Engine,
  source: DataSource,
  tableName: string,
  fileName: string,
  opts: LoadOptions,
  ctx: RunContext,
  warnings: LoadWarning[],
): Promise<LoadedFile> {
  const name = source.displayName;
  if (source.size === 0) {
    throw new FaultlineError({
      code: 'empty_file',
      file: name,
      message: `${name}: the file is empty (0 bytes)`,
    });
  }
  const head = await source.readRange(0, Math.min(source.size, headBytes));
  const { format, gzip } = detectFormat(name, head);
  if (gzip && !hasGzipMagic(head)) {
    throw new FaultlineError({
      code: 'malformed_gzip',
      file: name,
      message: `${name}: named .gz but not a gzip file`,
    });
  }
  if (!gzip && (format === 'csv' || format === 'tsv' || format === 'json' || format === 'jsonl')) {
    const offset = binaryOffset(head);
    if (offset !== null) {
      throw new FaultlineError({
        code: 'not_text',
        file: name,
        message: `${name}: binary data, not UTF-8 text (byte ${offset}); is it really a ${format.toUpperCase()} file?`,
      });
    }
    if (new TextDecoder().decode(head).trim() === '' && source.size <= headBytes) {
      throw new FaultlineError({
        code: 'empty_file',
        file: name,
        message: `${name}: the file holds only blank space`,
      });
    }
  }

  if (format === 'csv' || format === 'tsv') {
    await engine.registerFile(gzip ? `${fileName}.csv.gz` : `${fileName}.csv`, source.handle);
    const registered = gzip ? `${fileName}.csv.gz` : `${fileName}.csv`;
    try {
      const csvOpts: CsvOptions = { ...opts };
      if (format === 'tsv' && csvOpts.delimiter === undefined) csvOpts.delimiter = '\t';
      const { headerNames } = await loadCsv(
        engine,
        source,
        registered,
        tableName,
        csvOpts,
        ctx,
        gzip,
      );
      if (headerNames)
        warnings.push(
          ...renameWarnings(headerNames, await describeTable(engine, tableName, ctx), name),
        );
    } finally {
      await engine.dropFile(registered);
    }
  } else if (format === 'parquet') {
    await loadParquet(engine, source, opts.codecs.openParquet, tableName, ctx);
  } else {
    const bytes = await readAll(source, opts, gzip);
    if (format === 'arrow') await loadArrowIpc(engine, bytes, tableName, name);
    else {
      const text = new TextDecoder().decode(bytes);
      const parsed = format === 'json' ? parseJsonArray(text, name) : parseJsonLines(text, name);
      await insertJsonRecords(
        engine,
        parsed,
        tableName,
        name,
        format === 'json' ? 'element' : 'line',
      );
    }
  }
  const rows = await countRows(engine, tableName, ctx);
  if (rows === 0) {
    throw new FaultlineError({
      code: 'no_rows',
      file: name,
      message: `${name}: no data rows${format === 'csv' || format === 'tsv' ? ' (only a header)' : ''}`,
    });
  }
  return { name, format, gzip, bytes: source.size, rows };
}

async function readAll(source: DataSource, opts: LoadOptions, gzip: boolean): Promise<Uint8Array> {
  const bytes = await source.readRange(0, source.size);
  if (!gzip) return bytes;
  try {
    return await opts.codecs.gunzip(bytes);
  } catch (e) {
    throw new FaultlineError({
      code: 'malformed_gzip',
      file: source.displayName,
      message: `${source.displayName}: not a valid gzip file (${e instanceof Error ? e.message : String(e)})`,
    });
  }
}

function renameWarnings(
  headerNames: string[],
  columns: DatasetColumn[],
  file: string,
): LoadWarning[] {
  const out: LoadWarning[] = [];
  headerNames.forEach((raw, i) => {
    const final = columns[i]?.name;
    if (final === undefined || final === raw) return;
    const duplicate = headerNames.indexOf(raw) !== i;
    out.push({
      code: duplicate ? 'duplicate_column_name' : 'renamed_column',
      column: final,
      file,
      message: duplicate
        ? `${file}: column name "${raw}" appears more than once; column ${i + 1} is called "${final}"`
        : `${file}: column ${i + 1} "${raw}" is called "${final}"`,
    });
  });
  return out;
}

/**
 * Appends a file's table to the dataset, columns matched by name. When the file brings new
 * columns or a wider number type, the dataset is rebuilt as a union (DuckDB picks the types);
 * text against numbers is a schema mismatch naming both files.
 */
async function appendByName(
  engine: Engine,
  tableName: string,
  part: string,
  files: LoadedFile[],
  ctx: RunContext,
): Promise<void> {
  const [have, adding] = await Promise.all([
    describeTable(engine, tableName, ctx),
    describeTable(engine, part, ctx),
  ]);
  const haveTypes = new Map(have.map((c) => [c.name, c.type]));
  const file = files[files.length - 1]?.name ?? '';
  let sameShape = true;
  for (const c of adding) {
    const prior = haveTypes.get(c.name);
    if (prior === undefined || prior !== c.type) sameShape = false;
    if (
      prior !== undefined &&
      prior !== c.type &&
      !(isNumericType(prior) && isNumericType(c.type))
    ) {
      const firstFile = files.find((f) => f.name !== file)?.name ?? '';
      throw new FaultlineError({
        code: 'schema_mismatch',
        column: c.name,
        file,
        message: `column "${c.name}" is ${prior} in ${firstFile} but ${c.type} in ${file}`,
      });
    }
  }
  if (sameShape) {
    await engine.query(
      sql`INSERT INTO ${table(tableName)} BY NAME SELECT * FROM ${table(part)}`,
      ctx,
    );
    return;
  }
  const rebuilt = `${tableName}__union`;
  await engine.query(
    sql`CREATE TABLE ${table(rebuilt)} AS SELECT * FROM ${table(tableName)} UNION ALL BY NAME SELECT * FROM ${table(part)}`,
    ctx,
  );
  await engine.query(sql`DROP TABLE ${table(tableName)}`, ctx);
  await engine.query(sql`ALTER TABLE ${table(rebuilt)} RENAME TO ${table(tableName)}`, ctx);
}

function isNumericType(t: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(
    t,
  );
}

async function dropQuietly(engine: Engine, tables: string[]): Promise<void> {
  for (const t of tables) await dropTable(engine, t).catch(() => undefined);
}

/** Drops a dataset's table (one the engine named, never a user's text); absent is fine. */
export async function dropTable(engine: Engine, name: string): Promise<void> {
  await engine.query(sql`DROP TABLE IF EXISTS ${table(name)}`);
}
