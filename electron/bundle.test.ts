import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

describe('the preload bundle', () => {
  it('is one CommonJS file that requires nothing but electron (a sandboxed preload can load no more)', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./preload.ts', import.meta.url))],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    expect(result.outputFiles).toHaveLength(1);
    const code = result.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld("faultline"');
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
  });
});
