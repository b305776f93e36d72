import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Each read's size: a 10M-row Parquet (hundreds of MB) is hashed without ever being whole. */
export const HASH_SLICE_BYTES = 8 * 1024 * 1024;

/**
 * The SHA-256 of a picked file as lowercase hex, read in 8 MiB slices into an incremental hash
 * (crypto.subtle.digest takes only the whole buffer). `onProgress` gets the bytes hashed so far
 * after each slice.
 */
export async function sha256Blob(
  blob: Blob,
  onProgress?: (doneBytes: number, totalBytes: number) => void,
): Promise<string> {
  const hash = sha256.create();
  for (let start = 0; start < blob.size; start += HASH_SLICE_BYTES) {
    const end = Math.min(start + HASH_SLICE_BYTES, blob.size);
    hash.update(new Uint8Array(await blob.slice(start, end).arrayBuffer()));
    onProgress?.(end, blob.size);
  }
  return bytesToHex(hash.digest());
}
