#!/usr/bin/env node
// `npm start`: builds the renderer and the Electron bundles, then opens the desktop window on the
// files named (`npm start -- FILE…`) or on the bundled sample. Without an Electron binary it says
// so and serves the same renderer in the browser instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { browserUrl, describeTargets, launchTargets } =
  await import('../electron/launch-targets.ts');
const { findElectronBinary, noBinaryMessage } = await import('../electron/electron-binary.ts');
const { buildElectron, ELECTRON_OUT_DIR } = await import('../electron/bundle.ts');
const { build, preview } = await import('vite');

const HOST = '127.0.0.1';
const PORT = 5173;

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// npm runs scripts in the package root; INIT_CWD is where the user typed `npm start -- FILE`.
const targets = launchTargets(args, { cwd: process.env.INIT_CWD ?? process.cwd(), rootDir });
const binary = findElectronBinary(() => createRequire(import.meta.url)('electron'), existsSync);
if (!binary.found) console.warn(noBinaryMessage(binary.reason, args.length > 0));

// vite looks for vite.config.ts in the working directory.
process.chdir(rootDir);
await build();

if (binary.found) {
  await buildElectron();
  console.log(`faultline: opening the desktop window on\n${describeTargets(targets)}`);
  const env = { ...process.env };
  // Inherited from a parent Electron, it would run main.mjs as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const main = join(ELECTRON_OUT_DIR, 'main.mjs');
  const child = spawn(binary.path, [main, ...targets.map((t) => t.path)], {
    stdio: 'inherit',
    env,
  });
  child.on('error', (error) => {
    console.error(`faultline: could not start Electron (${binary.path}): ${error.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === null ? 0 : 1);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
} else {
  try {
    await preview({ preview: { host: HOST, port: PORT, strictPort: true } });
  } catch (error) {
    console.error(`faultline: could not serve the app on ${HOST}:${PORT}: ${error.message}`);
    process.exit(1);
  }
  const url = browserUrl(`http://${HOST}:${PORT}`, args.length > 0);
  console.log(`faultline: the app is at ${url} (Ctrl+C stops it)`);
}
