import { basename } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { FaultlineError } from '../shared/errors.ts';
import type { FileRef, OpenedWorkspace } from '../shared/ipc/contract.ts';
import {
  compareInputs,
  parseWorkspace,
  type FoundInput,
  type Workspace,
} from '../shared/workspace/workspace-file.ts';
import type { FileGrants } from './file-grants.ts';
import type { FileStat } from './startup-files.ts';

/** A workspace is notes and choices, never data: a bigger file is not one (16 MiB). */
export const MAX_WORKSPACE_BYTES = 16 * 1024 * 1024;

/** What opening a workspace needs; main.ts passes the dialog, fs and hashing, tests fakes. */
export interface WorkspaceOpenDeps {
  showOpenDialog(
    options: OpenDialogOptions,
  ): Promise<Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>>;
  stat(path: string): Promise<FileStat>;
  readText(path: string): Promise<string>;
  sha256File(path: string): Promise<string>;
  grants: FileGrants;
}

/** A saved input found at its path: its hash and grant; null when it is gone or not a file. */
async function findInput(
  deps: WorkspaceOpenDeps,
  path: string,
): Promise<{ sha256: string; file: FileRef } | null> {
  try {
    const stat = await deps.stat(path);
    if (!stat.isFile()) return null;
    const sha256 = await deps.sha256File(path);
    return {
      sha256,
      file: { id: deps.grants.grant(path, stat.size), name: basename(path), size: stat.size },
    };
  } catch {
    // Missing, unreadable or vanished mid-hash: the check says "missing" and the user re-picks it.
    return null;
  }
}

/**
 * Asks for a `.faultline.json`, reads and checks it, then for each saved input that is still a
 * file at its path hashes it and grants it: the reply carries a file id per found input and, for
 * every input, whether it is the same file, changed or missing (in words).
 */
export async function openWorkspace(
  deps: WorkspaceOpenDeps,
): Promise<OpenedWorkspace | { cancelled: true }> {
  const chosen = await deps.showOpenDialog({
    title: 'Open workspace',
    filters: [
      { name: 'Faultline workspace', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['openFile'],
  });
  const path = chosen.filePaths[0];
  if (chosen.canceled || path === undefined) return { cancelled: true };
  const name = basename(path);
  const { size } = await deps.stat(path);
  if (size > MAX_WORKSPACE_BYTES) {
    throw new FaultlineError({
      code: 'bad_argument',
      file: name,
      message: `${name}: ${size} bytes is too big for a workspace (at most ${MAX_WORKSPACE_BYTES}); is it a data file?`,
    });
  }
  const workspace = parseWorkspace(await deps.readText(path), name);
  const files: (FileRef | null)[] = [];
  const found: FoundInput[] = [];
  for (const saved of workspace.files) {
    const input = saved.path === null ? null : await findInput(deps, saved.path);
    files.push(input?.file ?? null);
    found.push({ side: saved.side, sha256: input?.sha256 ?? null, path: saved.path });
  }
  const checks = compareInputs(workspace.files, found);
  return {
    name,
    workspace,
    inputs: checks.map((check, i) => ({ file: files[i] ?? null, check })),
  };
}

/**
 * The workspace with each granted file's path written in (the renderer knows only ids); a file
 * with no id keeps the path it has (null, or where it was when the workspace was opened).
 */
export function workspaceWithPaths(
  workspace: Workspace,
  fileIds: readonly (string | null)[],
  grants: Pick<FileGrants, 'resolve'>,
): Workspace {
  return {
    ...workspace,
    files: workspace.files.map((file, i) => {
      const id = fileIds[i] ?? null;
      return id === null ? file : { ...file, path: grants.resolve(id) };
    }),
  };
}
