import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../shared/engine/engine.ts';
import { loadDataset } from '../shared/engine/load-dataset.ts';
import { dataSourceFromPath, nodeCodecs } from '../shared/engine/node-sources.node.ts';
import { inferSchema, type DatasetSchema } from '../shared/schema/dataset-schema.ts';

/** A path under samples/ (the bundled logs and their answer key). */
export const samplePath = (name: string): string =>
  fileURLToPath(new URL(`../samples/${name}`, import.meta.url));

/** One planted failure as samples/answer-key.json records it (the fields tests read). */
export interface PlantedFailure {
  failure: string;
  column?: string;
  value?: string;
  since?: string;
  cohort?: { column: string; value: string }[];
  /** The canary's failing segment (canary_segment). */
  segment?: { column: string; value: string }[];
  expected: Record<string, unknown>;
}

/** The answer key's column names by role. */
export interface SampleColumns {
  id: string;
  time: string;
  label: string;
  score: string;
  prediction: string;
  model: string;
}

const answerKey = JSON.parse(readFileSync(samplePath('answer-key.json'), 'utf8')) as {
  columns: SampleColumns;
  planted: PlantedFailure[];
  stableColumns: string[];
  realized: Record<'training' | 'production' | 'canary', { rows: number; frauds: number }> & {
    headline: { canaryByModel: Record<string, CanaryModelFacts> };
  };
};

/** One model's numbers on the canary sample, as the generator counted them. */
export interface CanaryModelFacts {
  recall: number;
  auc: number;
  prepaidRecall: number;
  prepaidFrauds: number;
  p99LatencyMs: number;
}

/** The canary sample's numbers per model version (v1 baseline, v2 canary). */
export const canaryByModel = (version: string): CanaryModelFacts => {
  const facts = answerKey.realized.headline.canaryByModel[version];
  if (facts === undefined) throw new Error(`the answer key has no canary model ${version}`);
  return facts;
};

/** Which sample column plays which role, as the generator wrote them. */
export const sampleColumns: SampleColumns = answerKey.columns;

/** Rows and frauds (label = 1) of a sample dataset, as the generator counted them. */
export const realizedCounts = (
  dataset: 'training' | 'production' | 'canary',
): { rows: number; frauds: number } => ({
  rows: answerKey.realized[dataset].rows,
  frauds: answerKey.realized[dataset].frauds,
});

/** A planted failure by name; the tests' independent answer for what an analysis must find. */
export function plantedFailure(failure: string): PlantedFailure {
  const planted = answerKey.planted.find((p) => p.failure === failure);
  if (planted === undefined) throw new Error(`the answer key has no ${failure}`);
  return planted;
}

/** The column a planted failure touched. */
export function plantedColumn(failure: string): string {
  const { column } = plantedFailure(failure);
  if (column === undefined) throw new Error(`the answer key names no column for ${failure}`);
  return column;
}

/** Feature columns no plant touches. */
export const stableColumns: readonly string[] = answerKey.stableColumns;

/** A bundled sample file (samples/data/FILE) loaded into `tableName` with its inferred schema. */
export async function openSample(
  engine: Engine,
  file: string,
  tableName: string,
): Promise<DatasetSchema> {
  const source = await dataSourceFromPath(samplePath(`data/${file}`));
  const dataset = await loadDataset(engine, [source], { tableName, codecs: nodeCodecs() });
  return inferSchema(engine, dataset);
}
