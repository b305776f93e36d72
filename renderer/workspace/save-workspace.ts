import { errorDataOf } from '../../shared/errors.ts';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import { hasControlCharacters } from '../../shared/text/control-characters.ts';
import { workspaceToJson } from '../../shared/workspace/workspace-file.ts';
import { WORKSPACE_EXTENSION } from '../../shared/workspace/workspace-schema.ts';
import { downloadFiles } from '../platform/browser-download.ts';
import type { AppState, AppStore } from '../store/store.ts';
import { failureNotice, noticeOf, type WorkspaceNotice } from './workspace-notice.ts';
import { savedSources, workspaceOfState } from './workspace-of-state.ts';

/** What saving needs: the store, the desktop bridge (null in a browser) and a clock. */
export interface WorkspaceSaveDeps {
  store: AppStore;
  bridge: FaultlineBridge | null;
  /** When the workspace is saved; the real clock unless a test passes one. */
  now?: () => Date;
}

const dataExtension = /\.(csv|tsv|txt|json|jsonl|ndjson|parquet|arrow|feather|ipc)$/i;

/**
 * The name a saved workspace is offered under: the current log's (else the log's, else the
 * reference's) first file without its data extension, `production.parquet` → `production.faultline.json`.
 */
export function workspaceFileName(state: AppState): string {
  const dataset = state.datasets.current ?? state.datasets.log ?? state.datasets.reference;
  const base = (dataset?.sources[0]?.name ?? dataset?.name ?? 'investigation')
    .replace(/\.gz$/i, '')
    .replace(dataExtension, '');
  // A save dialog's name has no folders, drive or stream (`:`), and no control characters.
  const safe = [...base]
    .map((c) => (/[\\/:]/.test(c) || hasControlCharacters(c) ? '_' : c))
    .join('')
    .slice(0, 200);
  return `${safe === '' || safe === '.' || safe === '..' ? 'investigation' : safe}${WORKSPACE_EXTENSION}`;
}

/**
 * Saves the investigation as `.faultline.json`: on the desktop through the save dialog (main
 * writes each file's path in from its grant id), in a browser as a download. Returns what to tell
 * the user, or null when the dialog was cancelled; a failure is told, never thrown.
 */
export async function saveWorkspace(deps: WorkspaceSaveDeps): Promise<WorkspaceNotice | null> {
  const state = deps.store.getState();
  if (Object.keys(state.datasets).length === 0) {
    return noticeOf('Nothing to save yet: open a log first, then save the workspace.');
  }
  const name = workspaceFileName(state);
  try {
    const workspace = workspaceOfState(state, (deps.now?.() ?? new Date()).toISOString());
    // Checked here too, so a bad field is named before any dialog opens.
    const text = workspaceToJson(workspace);
    if (deps.bridge === null) {
      return noticeOf(
        `Downloaded the workspace as ${downloadFiles(name, [{ name, data: text }])}.`,
      );
    }
    const fileIds = savedSources(state).map((s) => s.fileId);
    const reply = await deps.bridge.saveWorkspace(name, workspace, fileIds);
    return 'cancelled' in reply ? null : noticeOf(`Saved the workspace to ${reply.path}.`);
  } catch (e) {
    return failureNotice('The workspace was not saved.', errorDataOf(e).message);
  }
}
