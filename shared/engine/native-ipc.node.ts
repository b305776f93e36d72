// Arrow IPC into native DuckDB without its `arrow` extension (offline, none can be installed):
// the batch is written as a Parquet file with parquet-wasm, which native DuckDB reads itself. Where
// Parquet cannot hold an Arrow type as DuckDB-WASM's Arrow scan would type it (seconds and
// millisecond timestamps, Date64), the column is cast back, so both engines make the same table.
// A user's Parquet file is read by native DuckDB directly, cast the same way to the table its
// batches would make.
import { openAsBlob } from 'node:fs';
import { DataType, RecordBatchReader, TimeUnit, type Field } from 'apache-arrow';
import { quoteIdent, quoteLiteral } from '../sql/quote.ts';
import { parquet } from './parquet.node.ts';

/** A column of the incoming batch and the DuckDB type DuckDB-WASM's Arrow scan gives it. */
export interface IpcColumn {
  name: string;
  /** null when the Arrow type is one this module does not pin (the Parquet type is kept). */
  duckType: string | null;
}

const timestampTypes: Record<TimeUnit, string> = {
  [TimeUnit.SECOND]: 'TIMESTAMP_S',
  [TimeUnit.MILLISECOND]: 'TIMESTAMP_MS',
  [TimeUnit.MICROSECOND]: 'TIMESTAMP',
  [TimeUnit.NANOSECOND]: 'TIMESTAMP_NS',
};

/** The DuckDB type DuckDB's Arrow scan makes of an Arrow type (types read by id, any build's). */
export function duckTypeOfArrow(type: DataType): string | null {
  if (DataType.isDictionary(type)) return duckTypeOfArrow(type.dictionary);
  if (DataType.isInt(type)) {
    const names = type.isSigned
      ? { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' }
      : { 8: 'UTINYINT', 16: 'USMALLINT', 32: 'UINTEGER', 64: 'UBIGINT' };
    return names[type.bitWidth];
  }
  if (DataType.isFloat(type)) return type.precision === 2 ? 'DOUBLE' : 'FLOAT';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'VARCHAR';
  if (DataType.isBinary(type) || DataType.isLargeBinary(type)) return 'BLOB';
  if (DataType.isBool(type)) return 'BOOLEAN';
  if (DataType.isDate(type)) return 'DATE';
  if (DataType.isTimestamp(type)) {
    return type.timezone ? 'TIMESTAMP WITH TIME ZONE' : timestampTypes[type.unit];
  }
  if (DataType.isDecimal(type) && type.precision <= 38) {
    return `DECIMAL(${type.precision},${type.scale})`;
  }
  if (DataType.isList(type)) {
    const child = type.children[0] ? duckTypeOfArrow(type.children[0].type) : null;
    return child !== null && !child.includes(' ') ? `${child}[]` : null;
  }
  return null;
}

/** The columns of an IPC stream, from its schema message. */
export function ipcColumns(ipcStream: Uint8Array): IpcColumn[] {
  const reader = RecordBatchReader.from(ipcStream);
  reader.open();
  return reader.schema.fields.map((f: Field) => ({
    name: f.name,
    duckType: duckTypeOfArrow(f.type),
  }));
}

/**
 * The IPC stream as Parquet bytes, written for speed: the file is read once, at once, so no codec,
 * dictionary or statistics (writing them took 5× as long: 3.3 s against 0.6 s for 1M rows).
 */
export function ipcToParquet(ipcStream: Uint8Array): Uint8Array {
  const pq = parquet();
  const properties = new pq.WriterPropertiesBuilder()
    .setCompression(pq.Compression.UNCOMPRESSED)
    .setDictionaryEnabled(false)
    .setStatisticsEnabled(pq.EnabledStatistics.None)
    .build();
  return pq.writeParquet(pq.Table.fromIPCStream(ipcStream), properties);
}

/** One column as read from the Parquet file, cast to the type DuckDB-WASM would have made. */
function columnSql(column: IpcColumn, parquetType: string | undefined): string {
  const c = quoteIdent(column.name);
  const want = column.duckType;
  if (want === null || parquetType === undefined || want === parquetType) return c;
  // parquet-wasm keeps Date64 as its milliseconds and second timestamps as their seconds.
  if (parquetType === 'BIGINT' && want === 'DATE') return `CAST(epoch_ms(${c}) AS DATE) AS ${c}`;
  if (parquetType === 'BIGINT' && want.startsWith('TIMESTAMP')) {
    return `CAST(make_timestamp(${c} * 1000000) AS ${want}) AS ${c}`;
  }
  return `CAST(${c} AS ${want}) AS ${c}`;
}

/**
 * SQL that creates (or appends to) `tableName` from the Parquet file at `parquetPath`, given the
 * batch's columns and the types DuckDB reads from the file (DESCRIBE), in order.
 */
export function insertFromParquetSql(
  tableName: string,
  parquetPath: string,
  columns: readonly IpcColumn[],
  parquetTypes: readonly string[],
  create: boolean,
): string {
  const exprs = columns.map((c, i) => columnSql(c, parquetTypes[i]));
  // `*` when nothing is cast: it also keeps columns whose names repeat.
  const select = exprs.every((e, i) => e === quoteIdent(columns[i]?.name ?? ''))
    ? '*'
    : exprs.join(', ');
  const from = `SELECT ${select} FROM read_parquet(${quoteLiteral(parquetPath)})`;
  return create
    ? `CREATE TABLE ${quoteIdent(tableName)} AS ${from}`
    : `INSERT INTO ${quoteIdent(tableName)} ${from}`;
}

/**
 * The Arrow schema parquet-wasm reads a Parquet file as (an IPC stream with no batches), and its
 * rows, from the footer alone.
 */
export async function parquetSchema(
  filePath: string,
): Promise<{ schema: Uint8Array; rows: number }> {
  const file = await parquet().ParquetFile.fromFile(await openAsBlob(filePath));
  try {
    const metadata = file.metadata();
    let rows = 0;
    for (let i = 0; i < metadata.numRowGroups(); i++) {
      rows += Number(metadata.rowGroup(i).numRows());
    }
    return { schema: file.schema().intoIPCStream(), rows };
  } finally {
    file.free();
  }
}

/** A column as DuckDB's DESCRIBE gives it: its name and type. */
export interface DescribedColumn {
  name: string;
  type: string;
}

/**
 * SQL that appends the Parquet file at `parquetPath` (one the caller did not write) to
 * `tableName`, whose column types are `tableTypes`: the table made from the file's Arrow schema,
 * as for a batch. A column DuckDB reads as another type (`fileColumns`: its own reader's types,
 * e.g. a UUID parquet-wasm reads as bytes, or seconds stored as plain integers by an Arrow writer)
 * is cast as a batch's column would be. Columns go by position, as INSERT takes them.
 */
export function appendParquetSql(
  tableName: string,
  parquetPath: string,
  fileColumns: readonly DescribedColumn[],
  tableTypes: readonly string[],
): string {
  const exprs = fileColumns.map((c, i) =>
    columnSql({ name: c.name, duckType: tableTypes[i] ?? null }, c.type),
  );
  // `*` when nothing is cast: it also keeps columns whose names repeat.
  const select = exprs.every((e, i) => e === quoteIdent(fileColumns[i]?.name ?? ''))
    ? '*'
    : exprs.join(', ');
  return `INSERT INTO ${quoteIdent(tableName)} SELECT ${select} FROM read_parquet(${quoteLiteral(parquetPath)})`;
}
