import { open } from 'node:fs/promises';

/**
 * Reads bytes [start, end) of `path`; shorter when the file ends first. The one ranged read of
 * the Node front ends: the loader's DataSource and the desktop app's file:read-range.
 */
export async function readFileRange(path: string, start: number, end: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(Math.max(0, end - start));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(
        buffer,
        filled,
        buffer.length - filled,
        start + filled,
      );
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
