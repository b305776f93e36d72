import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { bundleElectron } from './bundle.ts';

async function bundledText(name: 'main' | 'preload'): Promise<string> {
  const result = await bundleElectron(name, tmpdir(), false);
  expect(result.outputFiles).toHaveLength(1);
  return result.outputFiles?.[0]?.text ?? '';
}

describe('the Electron bundles', () => {
  it('preload is one CommonJS file that requires nothing but electron (a sandboxed preload can load no more)', async () => {
    const code = await bundledText('preload');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld("faultline"');
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
    expect(code).toContain('"app:startup-files"');
  });

  it('main is one ES module importing only Node built-ins and electron, with no require shim', async () => {
    const code = await bundledText('main');
    const imported = new Set([...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]));
    expect(
      [...imported].filter((name) => name !== 'electron' && !name?.startsWith('node:')),
    ).toEqual([]);
    expect(imported.has('electron')).toBe(true);
    // esbuild turns a bundled CommonJS require into __require, which throws in an ES module.
    expect(code).not.toMatch(/\b__require\b|\brequire\(/);
  });
});
