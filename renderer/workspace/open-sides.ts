import type { SchemaOverrides } from '../../shared/schema/dataset-schema.ts';
import type { Workspace, WorkspaceFile } from '../../shared/workspace/workspace-schema.ts';
import { datasetSides, isDatasetSide, sideTitles } from '../app/dataset-sides.ts';
import type { PickedFile, Session } from '../engine/session-types.ts';
import type { DatasetSide } from '../store/datasets-slice.ts';
import type { AppStore } from '../store/store.ts';

/** What opening a workspace needs: the store it restores into and the session that loads. */
export interface WorkspaceOpenDeps {
  store: AppStore;
  session: Session;
}

/** How the sides went: which opened, under which corrections, and what to tell the user. */
export interface OpenedSides {
  /** The sides opened from the workspace's files in this open. */
  opened: Set<DatasetSide>;
  /** Sides whose files were all there but did not open (failed, or the user cancelled). */
  failed: Set<DatasetSide>;
  /** The corrections each opened side was loaded under (dropped when they no longer fit). */
  overrides: Partial<Record<DatasetSide, SchemaOverrides>>;
  /** What to act on: a side not opened, corrections dropped, files the app does not open. */
  notices: string[];
}

/** How opening one side went. */
type SideOutcome = 'opened' | 'failed' | 'cancelled';

const hasEntries = (overrides: SchemaOverrides | undefined): overrides is SchemaOverrides =>
  overrides !== undefined && Object.keys(overrides).length > 0;

const names = (files: readonly WorkspaceFile[]) => files.map((f) => f.name).join(', ');

/** Ids of the jobs in the store now, to tell the jobs an open starts from earlier ones. */
const jobIds = (store: AppStore) => new Set(Object.keys(store.getState().jobs));

/**
 * Opens `side` from `files` under the saved corrections. When they name a column the file no
 * longer has (it changed since), it is opened again without them and the user told so, instead of
 * leaving the side closed.
 */
async function openSide(
  { store, session }: WorkspaceOpenDeps,
  side: DatasetSide,
  files: PickedFile[],
  overrides: SchemaOverrides | undefined,
  result: OpenedSides,
): Promise<SideOutcome> {
  const before = store.getState().datasets[side];
  const opened = () => {
    const now = store.getState().datasets[side];
    return now !== undefined && now !== before;
  };
  const earlierJobs = jobIds(store);
  const newJobs = () => Object.values(store.getState().jobs).filter((j) => !earlierJobs.has(j.id));
  await session.open(side, files, overrides ?? {});
  if (opened()) {
    if (hasEntries(overrides)) result.overrides[side] = overrides;
    return 'opened';
  }
  if (newJobs().some((job) => job.state === 'cancelled')) return 'cancelled';
  const refused = newJobs().find((job) => job.error?.code === 'unknown_column');
  if (!hasEntries(overrides) || refused === undefined) return 'failed';
  await session.open(side, files);
  if (!opened()) return newJobs().some((job) => job.state === 'cancelled') ? 'cancelled' : 'failed';
  store.getState().dismissJob(refused.id);
  result.notices.push(
    `${sideTitles[side]}: opened without the saved role and kind corrections, which no longer fit its columns (${refused.error?.message ?? ''})`,
  );
  return 'opened';
}

/**
 * Opens each side of the app (reference, current, log) from the workspace's files: `found[i]` is
 * what was found for `workspace.files[i]` (null: missing). A side is opened only with every one
 * of its files; a side the workspace has no files for, or cannot open, is closed, so nothing of
 * the investigation open before is mixed in. Files saved on sides the app does not open are named.
 */
export async function openWorkspaceSides(
  deps: WorkspaceOpenDeps,
  workspace: Workspace,
  found: readonly (PickedFile | null)[],
): Promise<OpenedSides> {
  const result: OpenedSides = { opened: new Set(), failed: new Set(), overrides: {}, notices: [] };
  for (const side of datasetSides) {
    const entries = workspace.files.flatMap((file, i) =>
      file.side === side ? [{ file, picked: found[i] ?? null }] : [],
    );
    const files = entries.flatMap((e) => (e.picked === null ? [] : [e.picked]));
    const saved = names(entries.map((e) => e.file));
    if (entries.length > 0 && files.length === entries.length) {
      const outcome = await openSide(deps, side, files, workspace.overrides[side], result);
      if (outcome === 'opened') {
        result.opened.add(side);
        continue;
      }
      result.failed.add(side);
      result.notices.push(
        outcome === 'cancelled'
          ? `${sideTitles[side]} (${saved}) was not opened: its opening was cancelled`
          : `${sideTitles[side]} (${saved}) could not be opened: its error says why`,
      );
    } else if (files.length > 0) {
      result.notices.push(`${sideTitles[side]} was not opened: it needs all of ${saved}`);
    }
    if (deps.store.getState().datasets[side] !== undefined) await deps.session.close(side);
  }
  const elsewhere = workspace.files.filter((file) => !isDatasetSide(file.side));
  if (elsewhere.length > 0) {
    result.notices.push(
      `Not opened (the app opens reference, current and log files): ${elsewhere.map((f) => `${f.name} (${f.side})`).join(', ')}`,
    );
  }
  return result;
}
