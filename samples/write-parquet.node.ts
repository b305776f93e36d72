/**
 * Writes a log as Parquet (ZSTD) with parquet-wasm: one file when the log fits in a
 * part, else a folder of parts (`name/part-000.parquet`, ...), which our loader reads as one
 * dataset. Batches are held only until their part is written, so memory is bounded by a part.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RecordBatch } from 'apache-arrow';
import { Table, tableToIPC } from 'apache-arrow';
import { parquet } from '../shared/engine/parquet.node.ts';
import { LOG_SCHEMA } from './row-batch.ts';

/** At most this many rows per Parquet file. */
export const PART_ROWS = 1_000_000;
/** DuckDB's own row-group size: each row group is one unit of its parallel scan. */
const ROW_GROUP_ROWS = 122_880;

/** Where a log's Parquet goes: `dir/name.parquet`, or `dir/name/` for a folder of parts. */
export function parquetTarget(dir: string, name: string, totalRows: number, partRows = PART_ROWS) {
  return totalRows > partRows ? path.join(dir, name) : path.join(dir, name + '.parquet');
}

/** A Parquet log being written; add() record batches in order, then close(). */
export class ParquetLogWriter {
  private batches: RecordBatch[] = [];
  private batchedRows = 0;
  private partIndex = 0;
  private readonly asFolder: boolean;
  readonly target: string;

  constructor(
    dir: string,
    name: string,
    totalRows: number,
    private readonly partRows = PART_ROWS,
  ) {
    this.asFolder = totalRows > partRows;
    this.target = parquetTarget(dir, name, totalRows, partRows);
    if (this.asFolder) mkdirSync(this.target, { recursive: true });
  }

  /** Adds a batch; a part is written as soon as the next batch would overflow it. */
  add(batch: RecordBatch): void {
    if (this.batchedRows + batch.numRows > this.partRows) this.writePart();
    this.batches.push(batch);
    this.batchedRows += batch.numRows;
  }

  private writePart(): void {
    if (this.batches.length === 0) return;
    const file = this.asFolder
      ? path.join(this.target, `part-${String(this.partIndex).padStart(3, '0')}.parquet`)
      : this.target;
    const ipc = tableToIPC(new Table(LOG_SCHEMA, this.batches), 'stream');
    const pq = parquet();
    // The id and the time increase row by row: delta encodings store them in a quarter of the
    // space a dictionary would (which cannot help with unique values anyway).
    const properties = new pq.WriterPropertiesBuilder()
      .setCompression(pq.Compression.ZSTD)
      .setMaxRowGroupSize(ROW_GROUP_ROWS)
      .setColumnDictionaryEnabled('transaction_id', false)
      .setColumnEncoding('transaction_id', pq.Encoding.DELTA_BYTE_ARRAY)
      .setColumnDictionaryEnabled('event_time', false)
      .setColumnEncoding('event_time', pq.Encoding.DELTA_BINARY_PACKED)
      .build();
    writeFileSync(file, pq.writeParquet(pq.Table.fromIPCStream(ipc), properties));
    this.batches = [];
    this.batchedRows = 0;
    this.partIndex += 1;
  }

  /** Writes the last part. */
  close(): void {
    this.writePart();
  }
}
