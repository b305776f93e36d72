import type { DataSource, Progress } from '../../shared/engine/engine.ts';
import type { WorkerFile } from './worker-protocol.ts';

/** Reports at most once per this share of the file, so a 1 GB read posts ~100 messages. */
const reportEvery = 0.01;

/**
 * What DuckDB's browser runtime reads a registered file through: its size and `slice`, which it
 * hands to FileReaderSync. Wrapping the Blob lets every read DuckDB makes report how far into
 * the file it is — the bytes progress of a load, from inside a blocking query.
 */
function trackedBlob(blob: Blob, onRead: (end: number) => void) {
  return {
    size: blob.size,
    slice(start: number, end: number): Blob {
      onRead(Math.min(end, blob.size));
      return blob.slice(start, end);
    },
  };
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
    furthest = Math.max(furthest, end);
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
    handle: { kind: 'browser-file', file: trackedBlob(blob, onRead) },
  };
}
