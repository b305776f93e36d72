/**
 * Streams a CSV file: each line is copied into a 1 MB buffer that is written when full, so memory
 * stays flat and no long string is ever built (the logs are ASCII, so latin1 is exact).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { TxRow } from './transaction.ts';
import { CSV_HEADER, csvLine } from './csv-line.ts';

const BUFFER_BYTES = 1 << 20;

/** A CSV log being written; call close() once every row is in. */
export class CsvLogWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
    this.append(CSV_HEADER);
  }

  /** Appends one row. */
  write(row: TxRow): void {
    this.append(csvLine(row));
  }

  private append(text: string): void {
    if (this.used + text.length > BUFFER_BYTES) this.flush();
    this.used += this.buffer.write(text, this.used, 'latin1');
  }

  private flush(): void {
    writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }

  /** Writes what is buffered and closes the file. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
