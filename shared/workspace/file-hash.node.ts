import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { FaultlineError } from '../errors.ts';

/** Read size: large enough to keep the disk busy, small enough to never matter in memory. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * The SHA-256 of the file at `path` as lowercase hex, streamed in 1 MiB chunks (a 10M-row Parquet
 * is hundreds of MB and is never held whole). A missing file throws `file_not_found`.
 */
export async function sha256File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES, signal })) {
      hash.update(chunk as Buffer);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FaultlineError({
        code: 'file_not_found',
        file: path,
        message: `${path}: no such file`,
      });
    }
    throw error;
  }
  return hash.digest('hex');
}
