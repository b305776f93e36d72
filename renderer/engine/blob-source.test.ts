import { describe, expect, it } from 'vitest';
import type { Progress } from '../../shared/engine/engine.ts';
import { blobSource } from './blob-source.ts';

interface SliceableHandle {
  size: number;
  slice(start: number, end: number): Blob;
}

describe('blobSource', () => {
  const bytes = new Uint8Array(1000).map((_, i) => i % 251);
  const file = { name: 'log.csv', blob: new Blob([bytes]) };

  it('hands DuckDB a handle that reads the Blob and reports the furthest byte read', async () => {
    const seen: Progress[] = [];
    const source = blobSource(file, (p) => seen.push(p));
    expect(source.size).toBe(1000);
    const handle = (source.handle as { file: SliceableHandle }).file;
    expect(handle.size).toBe(1000);
    const part = new Uint8Array(await handle.slice(100, 110).arrayBuffer());
    expect([...part]).toEqual([...bytes.slice(100, 110)]);
    handle.slice(0, 5); // a re-read of the head does not move progress back
    handle.slice(990, 1200); // DuckDB may ask past the end; progress stops at the size
    handle.slice(400, 500); // once at the end, later reads report nothing more
    expect(seen).toEqual([
      { phase: 'reading log.csv', done: 110, total: 1000, unit: 'bytes' },
      { phase: 'reading log.csv', done: 1000, total: 1000, unit: 'bytes' },
    ]);
  });

  it('reports at most once per hundredth of the file, and always the end', async () => {
    const seen: number[] = [];
    const source = blobSource(file, (p) => seen.push(p.done));
    const handle = (source.handle as { file: SliceableHandle }).file;
    for (let end = 1; end <= 1000; end++) handle.slice(end - 1, end);
    expect(seen).toHaveLength(100);
    expect(seen.at(-1)).toBe(1000);
    expect(await source.readRange(0, 3)).toEqual(bytes.slice(0, 3));
  });
});
