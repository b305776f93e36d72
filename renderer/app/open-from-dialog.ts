import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import type { PickedFile, Session } from '../engine/session-types.ts';
import type { DatasetSide } from '../store/datasets-slice.ts';

/**
 * Opens files chosen in the desktop's native dialog on `side`. The main process grants them and
 * hands back ids, never paths. A cancelled dialog opens nothing; a failing one says so through
 * `onNotice` and leaves what is open alone.
 */
export async function openFromDialog(
  bridge: FaultlineBridge,
  session: Session,
  side: DatasetSide,
  onNotice: (message: string) => void,
): Promise<void> {
  let files: PickedFile[];
  try {
    files = (await bridge.openFiles(side)).map((ref) => ({ kind: 'granted', ref }));
  } catch (e) {
    onNotice(`The open dialog failed: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (files.length > 0) await session.open(side, files);
}

/**
 * Opens what the desktop app was started with (`npm start -- FILE…`, or the bundled sample),
 * each group on its side, in order; the main process granted them before the window opened.
 */
export async function openStartupFiles(bridge: FaultlineBridge, session: Session): Promise<void> {
  for (const { purpose, files } of await bridge.startupFiles()) {
    await session.open(
      purpose,
      files.map((ref) => ({ kind: 'granted', ref })),
    );
  }
}
