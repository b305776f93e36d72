import type { DataSource, Progress } from '../../shared/engine/engine.ts';
import type { WorkerFile } from './worker-protocol.ts';

/** Reports at most once per this share of the file, so a 1 GB read posts ~100 messages. */
const reportEvery = 0.01;

/**
 * The picked file as DuckDB's browser runtime and parquet-wasm read it: both take its size and
 * call `slice`, DuckDB then reading each slice with FileReaderSync. Overriding `slice` lets every
 * read report how far into the file it is — the bytes progress of a load, even from inside a
 * blocking query. Built on the original Blob, so nothing is copied.
 */
class ProgressBlob extends Blob {
  readonly #onRead: (end: number) => void;

  constructor(blob: Blob, onRead: (end: number) => void) {
    super([blob]);
    this.#onRead = onRead;
  }

  override slice(start?: number, end?: number, contentType?: string): Blob {
    this.#onRead(Math.min(end ?? this.size, this.size));
    return super.slice(start, end, contentType);
  }
}

/**
 * A picked file as the loader's DataSource: DuckDB reads it in place through the Blob (never a
 * copy in JS memory), and the furthest byte read so far is reported as progress.
 */
export function blobSource(file: WorkerFile, onProgress?: (p: Progress) => void): DataSource {
  const { blob, name } = file;
  let furthest = 0;
  let reported = 0;
  const onRead = (end: number) => {
    // Only forward progress is news: re-reads (a sniffer, Parquet's footer then its row groups)
    // must not flood the job with the same number, hiding the rows a Parquet load counts.
    if (end <= furthest) return;
    furthest = end;
    if (furthest - reported < reportEvery * blob.size && furthest < blob.size) return;
    reported = furthest;
    onProgress?.({ phase: `reading ${name}`, done: furthest, total: blob.size, unit: 'bytes' });
  };
  return {
    displayName: name,
    size: blob.size,
    async readRange(start, end) {
      const bytes = new Uint8Array(await blob.slice(start, end).arrayBuffer());
      onRead(end);
      return bytes;
    },
    handle: { kind: 'browser-file', file: new ProgressBlob(blob, onRead) },
  };
}
