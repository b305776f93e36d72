import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import type { ExportFile, ExportKind } from '../../shared/ipc/contract.ts';
import { downloadFiles } from './browser-download.ts';

/** Where an export went, in words for a notice; null when the user cancelled. */
export type SavedWhere = string | null;

/**
 * Saves an export: on the desktop through the main process (a save dialog, then an atomic write
 * that refuses to replace an input); in a browser as a download (several files as one zip).
 */
export async function saveExport(
  bridge: FaultlineBridge | null,
  kind: ExportKind,
  suggestedName: string,
  files: ExportFile[],
): Promise<SavedWhere> {
  if (bridge === null) {
    const folder = suggestedName.replace(/\.[a-z]+$/, '');
    return `Downloaded ${downloadFiles(folder, files)}`;
  }
  const reply = await bridge.saveExport(kind, suggestedName, files);
  return 'cancelled' in reply ? null : `Saved ${reply.path}`;
}
