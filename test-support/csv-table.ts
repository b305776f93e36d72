import type { Engine } from '../shared/engine/engine.ts';
import { loadDataset } from '../shared/engine/load-dataset.ts';
import { nodeCodecs } from '../shared/engine/node-sources.node.ts';
import {
  inferSchema,
  type DatasetSchema,
  type SchemaOverrides,
} from '../shared/schema/dataset-schema.ts';

/** CSV text loaded into `tableName` as a file would be (loadDataset), with its inferred schema. */
export async function loadCsvText(
  engine: Engine,
  csv: string,
  tableName: string,
  overrides: SchemaOverrides = {},
): Promise<DatasetSchema> {
  const bytes = new TextEncoder().encode(csv);
  const source = {
    displayName: `${tableName}.csv`,
    size: bytes.length,
    handle: { kind: 'bytes' as const, bytes },
    readRange: async (start: number, end: number) => bytes.subarray(start, end),
  };
  const dataset = await loadDataset(engine, [source], { tableName, codecs: nodeCodecs() });
  return inferSchema(engine, dataset, overrides);
}
