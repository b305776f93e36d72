#!/usr/bin/env node
// Bundles the CLI (scripts/build-cli.js), then fetches Electron's binary when the network allows
// it, and never fails the install when it does not: the CLI, the tests and the browser app need
// no Electron binary. npm 11 does not run dependencies' install scripts unless approved; this
// runs Electron's own installer on purpose.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildCli } from './build-cli.js';

// The CLI's bundle first: the Electron steps below may end the script early.
await buildCli().catch((e) =>
  console.warn(`faultline: the CLI bundle was not built (${e.message}); the CLI runs through tsx.`),
);

const electronDir = path.resolve('node_modules', 'electron');
if (!existsSync(path.join(electronDir, 'install.js'))) process.exit(0);
if (existsSync(path.join(electronDir, 'path.txt'))) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log(
    'faultline: ELECTRON_SKIP_BINARY_DOWNLOAD is set; the desktop window is not installed.',
  );
  process.exit(0);
}
const result = spawnSync(process.execPath, ['install.js'], {
  cwd: electronDir,
  stdio: ['ignore', 'inherit', 'pipe'],
  timeout: 10 * 60 * 1000,
});
if (result.status !== 0) {
  const reason =
    String(result.stderr ?? '')
      .split('\n')
      .find((l) => /Error/.test(l)) ?? 'no network';
  console.warn(
    `faultline: Electron's binary could not be downloaded (${reason.trim()}).\n` +
      '  The CLI, the tests and the browser app work without it; the desktop window needs it.',
  );
}
