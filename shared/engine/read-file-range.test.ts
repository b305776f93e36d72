import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileRange } from './read-file-range.node.ts';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-range-'));
  file = join(dir, 'bytes.bin');
  await writeFile(
    file,
    Uint8Array.from({ length: 100 }, (_, i) => i),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readFileRange', () => {
  it('reads [start, end)', async () => {
    expect(Array.from(await readFileRange(file, 10, 14))).toEqual([10, 11, 12, 13]);
  });
  it('stops at the end of the file', async () => {
    expect(Array.from(await readFileRange(file, 98, 200))).toEqual([98, 99]);
    expect((await readFileRange(file, 150, 160)).length).toBe(0);
  });
});
