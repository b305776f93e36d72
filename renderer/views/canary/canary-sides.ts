// Which open data the Canary view compares: one log split by its model column (two versions
// side by side in the same traffic), else the reference as the baseline and the current data as
// the canary.
import type { OpenDataset } from '../../store/datasets-slice.ts';
import type { AppState } from '../../store/store.ts';

/** The baseline and the canary the view compares. */
export type CanarySides =
  | {
      kind: 'model_column';
      log: OpenDataset;
      /** The model-version column. */
      column: string;
      /** Its values, in version order (v1 before v2, v9 before v10). */
      versions: string[];
    }
  | { kind: 'files'; baseline: OpenDataset; canary: OpenDataset };

/** The sides searched for a model column, in this order. */
const modelColumnSides = ['log', 'current', 'reference'] as const;

const versionOrder = new Intl.Collator('en', { numeric: true }).compare;

/** A dataset's model-version column and its values, when it holds two versions or more. */
export function modelVersions(dataset: OpenDataset): { column: string; versions: string[] } | null {
  const column = dataset.schema.columns.find((c) => c.role === 'model');
  const versions = (column?.topValues ?? []).map((v) => v.value).sort(versionOrder);
  if (column === undefined || versions.length < 2) return null;
  return { column: column.name, versions };
}

/**
 * What the Canary view compares: the first open dataset (log, current, reference) whose model
 * column holds two versions or more, split by it; else the reference against the current data;
 * null when neither is open.
 */
export function canarySides(datasets: AppState['datasets']): CanarySides | null {
  for (const side of modelColumnSides) {
    const log = datasets[side];
    const model = log === undefined ? null : modelVersions(log);
    if (log !== undefined && model !== null) return { kind: 'model_column', log, ...model };
  }
  const { reference, current } = datasets;
  if (reference === undefined || current === undefined) return null;
  return { kind: 'files', baseline: reference, canary: current };
}

/** The versions compared: the chosen ones while the column has them, else the first two. */
export function chosenVersions(
  versions: readonly string[],
  chosen: { baseline: string | null; canary: string | null },
): { baseline: string; canary: string } {
  const has = (v: string | null): v is string => v !== null && versions.includes(v);
  const baseline = has(chosen.baseline) ? chosen.baseline : (versions[0] ?? '');
  const canary =
    has(chosen.canary) && chosen.canary !== baseline
      ? chosen.canary
      : (versions.find((v) => v !== baseline) ?? '');
  return { baseline, canary };
}

/** The dataset whose columns the choices offer (segments, a time column): the baseline's. */
export function baselineDataset(sides: CanarySides): OpenDataset {
  return sides.kind === 'model_column' ? sides.log : sides.baseline;
}

/** What to open for a comparison, when nothing open makes one. */
export const canaryOpenWords =
  'Open a log with a model-version column holding two versions (the baseline and the canary, e.g. model_version v1 and v2), or a reference as the baseline and a current dataset as the canary, to compare the two.';

const sideNames = { reference: 'the reference', current: 'the current data', log: 'the log' };

/**
 * What is compared, in words: "model_version v2 (the canary) against v1 (the baseline), in the
 * log (canary.parquet)", or the current data against the reference.
 */
export function comparedWords(
  sides: CanarySides,
  chosen: { baseline: string | null; canary: string | null },
): string {
  if (sides.kind === 'model_column') {
    const { log } = sides;
    const versions = chosenVersions(sides.versions, chosen);
    return `${sides.column} ${versions.canary} (the canary) against ${versions.baseline} (the baseline), in ${sideNames[log.side]} (${log.name})`;
  }
  return `${sideNames[sides.canary.side]} (${sides.canary.name}) as the canary against ${sideNames[sides.baseline.side]} (${sides.baseline.name}) as the baseline`;
}
