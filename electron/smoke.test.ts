import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from './bundle.ts';
import { findElectronBinary } from './electron-binary.ts';

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = (name: string) => join(rootDir, 'samples', 'data', name);
const answerKey = JSON.parse(readFileSync(join(rootDir, 'samples', 'answer-key.json'), 'utf8')) as {
  datasets: Record<string, { rows: number }>;
};
const referenceRows = answerKey.datasets.training?.rows ?? 0;

/** A number as a view may print it: 13000, 13,000, 13 000 (narrow no-break space) or 13.000. */
function groupedNumberPattern(n: number): RegExp {
  const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '[,.\\u00a0\\u202f ]?');
  return new RegExp(`(^|[^\\d.,])${grouped}($|[^\\d.,]|\\.(?!\\d))`);
}

/** Loading progress ("0 of 13,000 rows") names the count too, before the Dataset view shows it. */
const PROGRESS_TEXT = /\d\s+of\s+\d/;

function skipReason(): string | null {
  const binary = findElectronBinary(() => createRequire(import.meta.url)('electron'), existsSync);
  if (!binary.found) return 'no Electron binary installed — ELECTRON_SKIP_BINARY_DOWNLOAD';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display for the Electron window — run under xvfb-run';
  }
  return null;
}

const reason = skipReason();
const title = reason === null ? 'Electron smoke test' : `Electron smoke test (skipped: ${reason})`;
if (reason !== null) console.log(title);

it('the row-count pattern matches the ways a view prints the reference rows, not progress', () => {
  expect(referenceRows).toBeGreaterThan(10_000);
  const pattern = groupedNumberPattern(13_000);
  for (const text of ['13,000 rows', 'Rows: 13000.', '13\u202f000', '13.000 Zeilen', '13 000']) {
    expect(text).toMatch(pattern);
  }
  for (const text of ['113,000', '13,0001', '1,300', '26,000', '13,000.5']) {
    expect(text).not.toMatch(pattern);
  }
  expect('0 of 13,000 rows').toMatch(PROGRESS_TEXT);
  expect('13,000 rows · 21 columns').not.toMatch(PROGRESS_TEXT);
});

describe.skipIf(reason !== null)(title, () => {
  let outRoot = '';
  let app: ElectronApplication | undefined;

  beforeAll(async () => {
    outRoot = await mkdtemp(join(tmpdir(), 'faultline-smoke-'));
    // Built apart from dist/ (main.mjs finds the renderer at ../renderer), and in a child process
    // so vite builds for production rather than for vitest's NODE_ENV=test.
    const vite = join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js');
    execFileSync(
      process.execPath,
      [vite, 'build', '--outDir', join(outRoot, 'renderer'), '--emptyOutDir'],
      { cwd: rootDir, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
    );
    await buildElectron(join(outRoot, 'electron'));
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    if (outRoot !== '') await rm(outRoot, { recursive: true, force: true });
  });

  it('opens the two sample Parquet files and shows the reference row count', async () => {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
    }
    // Linux keeps userData (recent.json) under XDG_CONFIG_HOME: not the user's own Recent list.
    env.XDG_CONFIG_HOME = join(outRoot, 'config');
    app = await _electron.launch({
      args: [
        join(outRoot, 'electron', 'main.mjs'),
        sample('training.parquet'),
        sample('production.parquet'),
      ],
      cwd: rootDir,
      env,
    });
    const page = await app.firstWindow();
    await page
      .getByText(groupedNumberPattern(referenceRows))
      .filter({ hasNotText: PROGRESS_TEXT })
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    const browserWindow = await app.browserWindow(page);
    expect(await browserWindow.evaluate((w) => w.getTitle())).toMatch(/Faultline/);
  }, 120_000);
});
