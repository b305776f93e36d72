import type { LoadedDataset } from '../../shared/engine/load-dataset.ts';
import type { DatasetSchema, SchemaColumn } from '../../shared/schema/dataset-schema.ts';
import type { DatasetSide, OpenDataset } from './datasets-slice.ts';
import type { AppState } from './store.ts';

/** A hand-built opened dataset whose columns are all DOUBLE features, `rows` rows each. */
export function makeDataset(
  id: string,
  columns: readonly string[],
  side: DatasetSide = 'reference',
  rows = 10,
): OpenDataset {
  const loaded: LoadedDataset = {
    table: `t_${id}`,
    format: 'csv',
    files: [{ name: `${id}.csv`, format: 'csv', gzip: false, bytes: 100 * rows, rows }],
    rows,
    columns: columns.map((name) => ({ name, type: 'DOUBLE' })),
    warnings: [],
  };
  const schemaColumns: SchemaColumn[] = columns.map((name) => ({
    name,
    type: 'DOUBLE',
    kind: 'numeric',
    kindReason: 'DOUBLE values',
    role: 'feature',
    roleReason: 'numeric input',
    scoresClass: null,
    nulls: 0,
    nullRate: 0,
    distinct: rows,
    invalid: 0,
    min: 0,
    max: rows - 1,
    topValues: null,
  }));
  const schema: DatasetSchema = {
    table: loaded.table,
    rows,
    columns: schemaColumns,
    task: null,
    taskReason: 'no label column',
    label: null,
    timeSpan: null,
    warnings: [],
  };
  const sha256 = [...id]
    .map((c) => c.charCodeAt(0).toString(16))
    .join('')
    .padEnd(64, '0')
    .slice(0, 64);
  const sources = [{ name: `${id}.csv`, size: 100 * rows, sha256, fileId: null }];
  return { id, name: `${id}.csv`, side, loaded, schema, shapes: {}, sources };
}

/** The state's data fields only (actions left out), as they would be cloned or saved. */
export function stateData(state: AppState): Record<string, unknown> {
  return Object.fromEntries(Object.entries(state).filter(([, v]) => typeof v !== 'function'));
}

/** The data fields' values, to check by identity which ones an action replaced. */
export function dataRefs(state: AppState): Map<string, unknown> {
  return new Map(Object.entries(stateData(state)));
}

/** Names of data fields whose value is a different object (or value) than before. */
export function changedKeys(before: Map<string, unknown>, state: AppState): string[] {
  return [...dataRefs(state)].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
}
