#!/usr/bin/env node
// Bundles the CLI into dist/cli/faultline.mjs, so `faultline` starts without compiling its
// TypeScript on every run (tsx: ~1.8 s before the first line of work; the bundle: ~1 s).
// bin/faultline.js uses the bundle while it is newer than every source file, else tsx.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(root, 'dist', 'cli', 'faultline.mjs');

/** Builds the bundle; false (and a note) when esbuild is not installed. */
export async function buildCli() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    console.log('faultline: esbuild is not installed; the CLI runs through tsx.');
    return false;
  }
  mkdirSync(path.dirname(CLI_BUNDLE), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(root, 'cli', 'bin.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules as they are (WASM files, native bindings).
    packages: 'external',
    logLevel: 'warning',
  });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (await buildCli()) console.log(`faultline: built ${path.relative(root, CLI_BUNDLE)}`);
}
