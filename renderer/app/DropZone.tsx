import { useEffect, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DatasetSide } from '../store/datasets-slice.ts';
import { useApp, useAppState } from './AppContext.ts';
import { assignDroppedFiles } from './assign-drop.ts';
import { datasetSides, isDatasetSide, sideTitles } from './dataset-sides.ts';

/** The side whose card or drop target is under the pointer, from its `data-drop-side`. */
function sideAt(target: EventTarget | null): DatasetSide | null {
  if (!(target instanceof Element)) return null;
  const side = target.closest('[data-drop-side]')?.getAttribute('data-drop-side');
  return isDatasetSide(side) ? side : null;
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Window-wide file drops. While files are dragged an overlay shows one target per side; a drop
 * on a target or on a side's card opens the files there, a drop anywhere else spreads them over
 * the sides (assign-drop.ts).
 */
export function DropZone({
  onNotice,
  children,
}: {
  onNotice: (message: string) => void;
  children: ReactNode;
}) {
  const { store, session } = useApp();
  const [dragging, setDragging] = useState(false);
  const [hoverSide, setHoverSide] = useState<DatasetSide | null>(null);
  const openNames = useAppState(
    useShallow((s) => datasetSides.map((side) => s.datasets[side]?.name ?? null)),
  );

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; counting them tells when the
    // pointer has really left the window.
    let depth = 0;
    const end = () => {
      depth = 0;
      setDragging(false);
      setHoverSide(null);
    };
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser (or Electron) navigates to the dropped file.
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
      setHoverSide(sideAt(event.target));
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth -= 1;
      if (depth <= 0) end();
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      end();
      const files = [...(event.dataTransfer?.files ?? [])];
      const datasets = store.getState().datasets;
      const open = datasetSides.filter((side) => Object.hasOwn(datasets, side));
      const { opens, unassigned } = assignDroppedFiles(files, open, sideAt(event.target));
      for (const { side, files: sideFiles } of opens) {
        void session.open(
          side,
          sideFiles.map((file) => ({ kind: 'file', file })),
        );
      }
      if (unassigned.length > 0) {
        onNotice(
          `Three datasets can be open at once; not opened: ${unassigned.map((f) => f.name).join(', ')}`,
        );
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [store, session, onNotice]);

  const hoverIndex = hoverSide === null ? -1 : datasetSides.indexOf(hoverSide);
  const replaced = hoverIndex < 0 ? null : openNames[hoverIndex];
  return (
    <div className={dragging ? 'drop-zone is-dragging' : 'drop-zone'}>
      {children}
      {dragging && (
        <div className="drop-overlay">
          <div className="drop-panel">
            <p className="drop-hint">
              {hoverSide === null
                ? 'Drop on a side to open the files there, or anywhere else to open each file as its own dataset (reference, then current, then log).'
                : `Open as the ${hoverSide} dataset${replaced ? `, replacing ${replaced}` : ''}`}
            </p>
            <div className="drop-targets">
              {datasetSides.map((side, i) => (
                <div
                  key={side}
                  className={side === hoverSide ? 'drop-target is-over' : 'drop-target'}
                  data-drop-side={side}
                >
                  <strong>{sideTitles[side]}</strong>
                  <span>{openNames[i] ?? 'empty'}</span>
                </div>
              ))}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
