import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from './file-hash.node.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-hash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileOf(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('sha256File', () => {
  it('gives the published digests of the empty file and "abc"', async () => {
    expect(await sha256File(await fileOf('empty', new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await sha256File(await fileOf('abc', new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it.each([1, 1024 * 1024, 3 * 1024 * 1024 + 7])(
    'matches a one-shot hash of %i bytes read across chunks',
    async (size) => {
      const bytes = new Uint8Array(randomBytes(size));
      const expected = createHash('sha256').update(bytes).digest('hex');
      expect(await sha256File(await fileOf(`random-${size}`, bytes))).toBe(expected);
    },
  );

  it('names a missing file', async () => {
    const missing = join(dir, 'nope.parquet');
    await expect(sha256File(missing)).rejects.toMatchObject({
      code: 'file_not_found',
      file: missing,
      message: `${missing}: no such file`,
    });
  });

  it('stops when aborted', async () => {
    const path = await fileOf('abort', new Uint8Array(randomBytes(4 * 1024 * 1024)));
    const controller = new AbortController();
    controller.abort();
    await expect(sha256File(path, controller.signal)).rejects.toThrow(/abort/i);
  });
});
