import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HASH_SLICE_BYTES, sha256Blob } from './file-hash.ts';

const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('sha256Blob', () => {
  it('hashes the empty blob without reading or reporting', async () => {
    const progress: number[] = [];
    expect(await sha256Blob(new Blob([]), (done) => progress.push(done))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(progress).toEqual([]);
  });

  it.each([
    ['3 bytes', 3],
    ['one byte under a slice', HASH_SLICE_BYTES - 1],
    ['exactly one slice', HASH_SLICE_BYTES],
    ['two slices and 5 bytes', 2 * HASH_SLICE_BYTES + 5],
  ])('matches Node crypto on %s', async (_name, size) => {
    const bytes = new Uint8Array(randomBytes(size));
    expect(await sha256Blob(new Blob([bytes]))).toBe(nodeSha256(bytes));
  });

  it('reports the bytes hashed after each 8 MiB slice', async () => {
    const size = 2 * HASH_SLICE_BYTES + 5;
    const progress: [number, number][] = [];
    await sha256Blob(new Blob([new Uint8Array(size)]), (done, total) =>
      progress.push([done, total]),
    );
    expect(progress).toEqual([
      [HASH_SLICE_BYTES, size],
      [2 * HASH_SLICE_BYTES, size],
      [size, size],
    ]);
  });

  it('reads the blob in slices, never whole', async () => {
    const size = HASH_SLICE_BYTES + 1;
    const bytes = new Uint8Array(randomBytes(size));
    const blob = new Blob([bytes]);
    const reads: number[] = [];
    const original = blob.slice.bind(blob);
    blob.slice = (start?: number, end?: number) => {
      reads.push((end ?? size) - (start ?? 0));
      return original(start, end);
    };
    blob.arrayBuffer = () => Promise.reject(new Error('read whole'));
    expect(await sha256Blob(blob)).toBe(nodeSha256(bytes));
    expect(reads).toEqual([HASH_SLICE_BYTES, 1]);
  });
});
