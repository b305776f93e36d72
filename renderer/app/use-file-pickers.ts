import { useCallback, useMemo, useRef, type RefObject } from 'react';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import type { Session } from '../engine/session-types.ts';
import type { DatasetSide } from '../store/datasets-slice.ts';
import { openFromDialog } from './open-from-dialog.ts';

/** The hidden file inputs (one per side) and the one way to ask the user for files. */
export interface FilePickers {
  inputs: Record<DatasetSide, RefObject<HTMLInputElement | null>>;
  /** Asks for files to open on `side`: the native dialog on the desktop, else the file input. */
  pick(side: DatasetSide): void;
}

/** File pickers for the header's inputs, the empty state's buttons and the shortcuts. */
export function useFilePickers(
  bridge: FaultlineBridge | null,
  session: Session,
  onNotice: (message: string) => void,
): FilePickers {
  const reference = useRef<HTMLInputElement>(null);
  const current = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLInputElement>(null);
  const inputs = useMemo(() => ({ reference, current, log }), []);
  const pick = useCallback(
    (side: DatasetSide) => {
      // The desktop opens through its dialog so the main process grants what the renderer reads.
      if (bridge !== null) void openFromDialog(bridge, session, side, onNotice);
      else inputs[side].current?.click();
    },
    [bridge, session, onNotice, inputs],
  );
  return useMemo(() => ({ inputs, pick }), [inputs, pick]);
}
