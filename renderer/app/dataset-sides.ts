import { openPurposeSchema } from '../../shared/ipc/contract.ts';
import type { DatasetSide } from '../store/datasets-slice.ts';

/** The sides in the order they are shown and filled: reference, current, log. */
export const datasetSides: readonly DatasetSide[] = openPurposeSchema.options;

/** A side's name as the UI writes it. */
export const sideTitles: Record<DatasetSide, string> = {
  reference: 'Reference',
  current: 'Current',
  log: 'Log',
};

/** True for one of the three side names (a `data-drop-side` attribute is any string). */
export function isDatasetSide(value: unknown): value is DatasetSide {
  return openPurposeSchema.safeParse(value).success;
}
