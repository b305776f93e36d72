import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildResult } from 'esbuild';

const electronDir = dirname(fileURLToPath(import.meta.url));

/** Where `npm start` and `npm run build:electron` put the bundles (the renderer is beside it). */
export const ELECTRON_OUT_DIR = join(electronDir, '..', 'dist', 'electron');

/**
 * Main is ESM (Electron 28+ loads .mjs mains). The preload is CommonJS in one file: a sandboxed
 * preload runs as a script that can require nothing but 'electron'.
 */
const bundles = {
  main: { entry: 'main.ts', outfile: 'main.mjs', format: 'esm' },
  preload: { entry: 'preload.ts', outfile: 'preload.cjs', format: 'cjs' },
} as const;

export type BundleName = keyof typeof bundles;

/**
 * Bundles one Electron entry into `outDir`, or only into `outputFiles` when `write` is false.
 * esbuild has no Electron target; Electron 41 embeds Node 24 and Chromium 146, so code for
 * node20 (the project's floor) runs in both its processes.
 */
export function bundleElectron(
  name: BundleName,
  outDir: string,
  write = true,
): Promise<BuildResult> {
  const { entry, outfile, format } = bundles[name];
  return build({
    entryPoints: [join(electronDir, entry)],
    outfile: join(outDir, outfile),
    bundle: true,
    write,
    platform: 'node',
    format,
    target: 'node20',
    external: ['electron'],
    logLevel: 'warning',
  });
}

/** Builds main.mjs and preload.cjs into `outDir`. */
export async function buildElectron(outDir = ELECTRON_OUT_DIR): Promise<void> {
  await Promise.all(
    (Object.keys(bundles) as BundleName[]).map((name) => bundleElectron(name, outDir)),
  );
}
