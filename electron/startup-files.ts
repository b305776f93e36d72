import { basename } from 'node:path';
import type { OpenPurpose, StartupOpen } from '../shared/ipc/contract.ts';
import type { FileGrants } from './file-grants.ts';
import type { RecentFile } from './menu.ts';

/** Paths named on the command line, grouped by what they are opened as. */
export interface PlannedOpen {
  purpose: OpenPurpose;
  paths: string[];
}

/**
 * The files in Electron's argv. Dropped: the executable, switches (Chromium's and Node's all start
 * with '-'; after '--' everything is a file) and, when started as `electron main.mjs …`
 * (process.defaultApp), the script path that follows the executable.
 */
export function filesFromArgv(argv: readonly string[], isDefaultApp: boolean): string[] {
  const positional: string[] = [];
  let switchesEnded = false;
  for (const arg of argv.slice(1)) {
    if (switchesEnded) positional.push(arg);
    else if (arg === '--') switchesEnded = true;
    else if (!arg.startsWith('-')) positional.push(arg);
  }
  return isDefaultApp ? positional.slice(1) : positional;
}

/**
 * What each file is opened as, by position: the first is the reference, the second the current
 * data, any more are logs. Purposes follow the position the user typed, so a missing first file
 * does not turn the second into the reference.
 */
export function planStartupOpens(paths: readonly string[]): PlannedOpen[] {
  const [reference, current, ...logs] = paths;
  const plan: PlannedOpen[] = [];
  if (reference !== undefined) plan.push({ purpose: 'reference', paths: [reference] });
  if (current !== undefined) plan.push({ purpose: 'current', paths: [current] });
  if (logs.length > 0) plan.push({ purpose: 'log', paths: logs });
  return plan;
}

/** The part of fs.Stats the startup files need. */
export interface FileStat {
  size: number;
  isFile(): boolean;
}

/** A file named on the command line that could not be opened, and why. */
export interface StartupFailure {
  path: string;
  reason: string;
}

/** What opening the planned files gave: the renderer's reply, the Recent entries, the failures. */
export interface StartupResult {
  opens: StartupOpen[];
  opened: RecentFile[];
  failures: StartupFailure[];
}

function failureReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Stats and grants each planned file. A file that is missing or not a regular file becomes a
 * failure and the rest still open; a purpose left with no files is dropped.
 */
export async function openStartupFiles(
  plan: readonly PlannedOpen[],
  deps: { stat(path: string): Promise<FileStat>; grants: FileGrants },
): Promise<StartupResult> {
  const result: StartupResult = { opens: [], opened: [], failures: [] };
  for (const { purpose, paths } of plan) {
    const files: StartupOpen['files'] = [];
    for (const path of paths) {
      let stat: FileStat;
      try {
        stat = await deps.stat(path);
      } catch (error) {
        result.failures.push({ path, reason: failureReason(error) });
        continue;
      }
      if (!stat.isFile()) {
        result.failures.push({ path, reason: 'not a file (to open a folder, name its files)' });
        continue;
      }
      files.push({ id: deps.grants.grant(path, stat.size), name: basename(path), size: stat.size });
      result.opened.push({ path, purpose });
    }
    if (files.length > 0) result.opens.push({ purpose, files });
  }
  return result;
}

/** The error dialog's text for files that could not be opened: a heading and one line per file. */
export function startupFailureMessage(failures: readonly StartupFailure[]): {
  message: string;
  detail: string;
} {
  return {
    message:
      failures.length === 1
        ? 'A file named on the command line could not be opened.'
        : `${failures.length} files named on the command line could not be opened.`,
    detail: failures.map((f) => `${f.path}: ${f.reason}`).join('\n'),
  };
}
