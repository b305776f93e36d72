import { basename, join, resolve } from 'node:path';
import type { OpenPurpose } from '../shared/ipc/contract.ts';
import { planStartupOpens } from './startup-files.ts';

/** A file `npm start` opens in the window, with what it is opened as. */
export interface LaunchTarget {
  path: string;
  purpose: OpenPurpose;
}

/**
 * Opened when `npm start` names no files: the bundled sample's reference and current data, and
 * its canary log (a model-version column) for the Canary view.
 */
const SAMPLE_FILES = [
  'samples/data/training.parquet',
  'samples/data/production.parquet',
  'samples/data/canary.parquet',
];

/**
 * The files `npm start -- FILE…` names, absolute (npm runs scripts in the package root, so
 * relative paths are taken from `cwd`, the user's INIT_CWD), or the sample under `rootDir`.
 * Purposes follow the app's rule (electron/startup-files.ts), so what is printed is what opens.
 */
export function launchTargets(
  args: readonly string[],
  dirs: { cwd: string; rootDir: string },
): LaunchTarget[] {
  const paths =
    args.length > 0
      ? args.map((arg) => resolve(dirs.cwd, arg))
      : SAMPLE_FILES.map((file) => join(dirs.rootDir, file));
  return planStartupOpens(paths).flatMap(({ purpose, paths: grouped }) =>
    grouped.map((path) => ({ path, purpose })),
  );
}

/** One line per file for the terminal: `  reference  training.parquet`. */
export function describeTargets(targets: readonly LaunchTarget[]): string {
  return targets.map((t) => `  ${t.purpose.padEnd(9)}  ${basename(t.path)}`).join('\n');
}

/**
 * The browser app's address. It opens the bundled sample by itself (`?open=sample`) unless the
 * user named files: a browser cannot be handed paths, so those are dropped into the page instead.
 */
export function browserUrl(origin: string, hasUserFiles: boolean): string {
  return hasUserFiles ? `${origin}/` : `${origin}/?open=sample`;
}
