import type { DatasetSide } from '../store/datasets-slice.ts';
import { datasetSides } from './dataset-sides.ts';

/** Which dropped files open on which side, and those no side was left for. */
export interface DropAssignment<F> {
  opens: { side: DatasetSide; files: F[] }[];
  unassigned: F[];
}

/**
 * Where dropped files go. Dropped on a side's card or target, they open together as that side's
 * dataset (a log split into parts). Dropped anywhere else, each file is its own dataset and the
 * sides fill in order reference → current → log, free sides first; an open side is replaced only
 * once no free side is left, and files beyond the third are not opened.
 */
export function assignDroppedFiles<F>(
  files: readonly F[],
  openSides: readonly DatasetSide[],
  target: DatasetSide | null,
): DropAssignment<F> {
  if (files.length === 0) return { opens: [], unassigned: [] };
  if (target !== null) return { opens: [{ side: target, files: [...files] }], unassigned: [] };
  const free = datasetSides.filter((side) => !openSides.includes(side));
  const taken = datasetSides.filter((side) => openSides.includes(side));
  const order = [...free, ...taken];
  return {
    opens: order.slice(0, files.length).map((side, i) => ({ side, files: files.slice(i, i + 1) })),
    unassigned: files.slice(order.length),
  };
}
