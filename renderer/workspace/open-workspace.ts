import { errorDataOf, FaultlineError } from '../../shared/errors.ts';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import {
  compareInputs,
  parseWorkspace,
  type FoundInput,
  type InputCheck,
  type Workspace,
} from '../../shared/workspace/workspace-file.ts';
import { WORKSPACE_EXTENSION } from '../../shared/workspace/workspace-schema.ts';
import { isDatasetSide } from '../app/dataset-sides.ts';
import type { PickedFile } from '../engine/session-types.ts';
import { openWorkspaceSides, type OpenedSides, type WorkspaceOpenDeps } from './open-sides.ts';
import { restoreWorkspace } from './restore-workspace.ts';
import { failureNotice, type WorkspaceNotice } from './workspace-notice.ts';

export type { WorkspaceOpenDeps } from './open-sides.ts';

/** The bundled samples, served beside the app (session.openSample fetches the same files). */
export const BUNDLED_SAMPLES: readonly string[] = [
  'training.parquet',
  'production.parquet',
  'canary.parquet',
];

/** A workspace is notes and choices, never data: a bigger `.json` is a data file (16 MiB). */
const MAX_WORKSPACE_BYTES = 16 * 1024 * 1024;

const notOpened = 'The workspace was not opened.';

/** How a missing file can be given again: the desktop opens it by side, a browser re-picks. */
type Where = 'desktop' | 'browser';

/**
 * Each input that is not the file the workspace was saved with, in words: a changed one is
 * said to have changed (it is open, and its numbers differ), a missing one is named with what to
 * pick. A side that failed to open has its own notice already.
 */
export function inputNotices(
  checks: readonly InputCheck[],
  failed: ReadonlySet<string>,
  where: Where,
): string[] {
  return checks.flatMap((check) => {
    if (check.status === 'same') return [];
    if (check.status === 'changed') return [check.message];
    if (failed.has(check.side)) return [];
    const pick =
      where === 'browser'
        ? `pick ${check.name} together with the workspace file in Open workspace…`
        : `open ${check.name} with Open ${check.side}…`;
    return [`${check.message}; to use it, ${pick}`];
  });
}

/** That it opened (and whether every input is as saved), what to act on, and the rest. */
function openedNotice(
  name: string,
  checks: readonly InputCheck[],
  sides: OpenedSides,
  problems: readonly string[],
  info: readonly string[] = [],
): WorkspaceNotice {
  const allSame = checks.every((c) => c.status === 'same') && sides.failed.size === 0;
  return {
    summary: allSame
      ? `Opened ${name}: every input is the file it was saved with.`
      : `Opened ${name}.`,
    problems: [...sides.notices, ...problems],
    info: [...info],
  };
}

/** Opens the sides from what was found, then restores the rest of the investigation. */
async function openAndRestore(
  deps: WorkspaceOpenDeps,
  workspace: Workspace,
  found: readonly (PickedFile | null)[],
): Promise<OpenedSides> {
  const sides = await openWorkspaceSides(deps, workspace, found);
  restoreWorkspace(deps.store, { ...workspace, overrides: sides.overrides });
  return sides;
}

/**
 * The desktop: asks main for a `.faultline.json` (main reads it, finds each saved file at its
 * path, hashes and grants it), opens each side from the granted files under the saved
 * corrections and restores the investigation. Returns what to tell the user (null when the
 * dialog was cancelled); a failure is told, never thrown.
 */
export async function openWorkspaceFromDesktop(
  deps: WorkspaceOpenDeps,
  bridge: FaultlineBridge,
): Promise<WorkspaceNotice | null> {
  try {
    const reply = await bridge.openWorkspace();
    if ('cancelled' in reply) return null;
    const found = reply.inputs.map((input): PickedFile | null =>
      input.file === null ? null : { kind: 'granted', ref: input.file },
    );
    const sides = await openAndRestore(deps, reply.workspace, found);
    const checks = reply.inputs.map((input) => input.check);
    return openedNotice(reply.name, checks, sides, inputNotices(checks, sides.failed, 'desktop'));
  } catch (e) {
    return failureNotice(notOpened, errorDataOf(e).message);
  }
}

const isJson = (file: File) => file.name.toLowerCase().endsWith('.json');

/**
 * Which picked file is the workspace: a `.faultline.json` first, else any `.json` small enough to
 * be one that reads as a workspace (a data file may be `.json` too).
 */
async function pickedWorkspace(
  files: readonly File[],
): Promise<{ file: File; workspace: Workspace }> {
  const candidates = [
    ...files.filter((f) => f.name.endsWith(WORKSPACE_EXTENSION)),
    ...files.filter((f) => !f.name.endsWith(WORKSPACE_EXTENSION) && isJson(f)),
  ].filter((f) => f.size <= MAX_WORKSPACE_BYTES);
  let firstError: unknown = null;
  for (const file of candidates) {
    try {
      return { file, workspace: parseWorkspace(await file.text(), file.name) };
    } catch (e) {
      firstError ??= e;
    }
  }
  if (firstError !== null) throw firstError;
  throw new FaultlineError({
    code: 'bad_argument',
    message: `no workspace among the picked files: pick a ${WORKSPACE_EXTENSION} file together with its data files`,
  });
}

/** A bundled sample as the session fetches it for "Open the bundled sample"; null when absent. */
async function fetchSample(name: string): Promise<PickedFile | null> {
  try {
    const response = await fetch(`./${name}`);
    if (!response.ok) return null;
    return { kind: 'file', file: new File([await response.blob()], name) };
  } catch {
    return null;
  }
}

/** Each opened side's files' hashes now, one per saved file, for compareInputs. */
function foundInputs(deps: WorkspaceOpenDeps, workspace: Workspace, sides: OpenedSides) {
  const seen = new Map<string, number>();
  return workspace.files.map((saved): FoundInput => {
    const index = seen.get(saved.side) ?? 0;
    seen.set(saved.side, index + 1);
    const side = isDatasetSide(saved.side) && sides.opened.has(saved.side) ? saved.side : null;
    const dataset = side === null ? undefined : deps.store.getState().datasets[side];
    const sha256 = dataset?.sources[index]?.sha256 ?? null;
    return { side: saved.side, sha256, path: null };
  });
}

/**
 * A browser: `files` are what the user picked together, the workspace and its data files. Each
 * saved file is matched by name among them; one not picked that is a bundled sample is fetched
 * from beside the app. The sides are opened under the saved corrections, the investigation
 * restored, and each input's hash now compared with the saved one. Returns what to tell the
 * user; a failure is told, never thrown.
 */
export async function openWorkspaceFromFiles(
  deps: WorkspaceOpenDeps,
  files: readonly File[],
): Promise<WorkspaceNotice> {
  try {
    const { file: workspaceFile, workspace } = await pickedWorkspace(files);
    const data = files.filter((f) => f !== workspaceFile);
    const fromSamples: string[] = [];
    const found: (PickedFile | null)[] = [];
    for (const saved of workspace.files) {
      const picked = data.find((f) => f.name === saved.name);
      if (picked !== undefined) {
        found.push({ kind: 'file', file: picked });
      } else if (BUNDLED_SAMPLES.includes(saved.name)) {
        const sample = await fetchSample(saved.name);
        if (sample !== null) fromSamples.push(saved.name);
        found.push(sample);
      } else {
        found.push(null);
      }
    }
    const sides = await openAndRestore(deps, workspace, found);
    const checks = compareInputs(workspace.files, foundInputs(deps, workspace, sides));
    const savedNames = new Set(workspace.files.map((f) => f.name));
    const unused = data.filter((f) => !savedNames.has(f.name)).map((f) => f.name);
    return openedNotice(
      workspaceFile.name,
      checks,
      sides,
      inputNotices(checks, sides.failed, 'browser'),
      [
        ...(fromSamples.length > 0 ? [`From the bundled sample: ${fromSamples.join(', ')}`] : []),
        ...(unused.length > 0 ? [`Not in the workspace, so not opened: ${unused.join(', ')}`] : []),
      ],
    );
  } catch (e) {
    return failureNotice(notOpened, errorDataOf(e).message);
  }
}
