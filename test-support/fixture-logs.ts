// Small hand-made logs for the fixtures' tests, with every count worked out by hand below, and a
// loader for text of any format (CSV, JSON lines) as a file would be loaded.
import type { Engine } from '../shared/engine/engine.ts';
import { loadDataset } from '../shared/engine/load-dataset.ts';
import { nodeCodecs } from '../shared/engine/node-sources.node.ts';
import {
  inferSchema,
  type DatasetSchema,
  type SchemaOverrides,
} from '../shared/schema/dataset-schema.ts';

/**
 * The log. Ids sort in file order; scores are dyadic (exact in binary) and agree with the logged
 * prediction at 0.5. Overall: positives a01 a02 a05 a08 a09 (5), predicted a01 a03 a05 a07 a09 (5),
 * true positives a01 a05 a09 (3), true negatives a04 a06 a10 (3): recall 3/5, precision 3/5,
 * accuracy 6/10. region = 'APAC' is a05..a09: positives 3, predicted 3, true positives 2. The
 * wrong rows and the confidence of what they predict: a02 0.75, a03 0.625, a07 0.75, a08 0.625.
 */
export const FIXTURE_LOG = `txn_id,region,is_fraud,fraud_score,predicted_fraud
a01,EU,1,0.875,1
a02,EU,1,0.25,0
a03,EU,0,0.625,1
a04,EU,0,0.125,0
a05,APAC,1,0.75,1
a06,APAC,0,0.1875,0
a07,APAC,0,0.75,1
a08,APAC,1,0.375,0
a09,APAC,1,0.9375,1
a10,NA,0,0.0625,0
`;

/**
 * The reference. region = 'APAC' (r1..r8): positives r1..r4 (4), predicted r1..r3 (3), all three
 * right, true negatives r5..r8 (4): recall 3/4, precision 3/3, accuracy 7/8. Whole: positives 5,
 * predicted 4 (r1 r2 r3 r10), true positives 3, true negatives 4: recall 3/5, precision 3/4,
 * accuracy 7/10.
 */
export const FIXTURE_REFERENCE = `txn_id,region,is_fraud,fraud_score,predicted_fraud
r1,APAC,1,0.875,1
r2,APAC,1,0.75,1
r3,APAC,1,0.625,1
r4,APAC,1,0.25,0
r5,APAC,0,0.375,0
r6,APAC,0,0.125,0
r7,APAC,0,0.3125,0
r8,APAC,0,0.25,0
r9,EU,1,0.125,0
r10,EU,0,0.875,1
`;

let loaded = 0;

/** Text loaded as the file `name` would be (its extension picks the format), with its schema. */
export async function loadText(
  engine: Engine,
  name: string,
  text: string,
  overrides: SchemaOverrides = {},
): Promise<DatasetSchema> {
  const bytes = new TextEncoder().encode(text);
  return loadBytes(engine, name, bytes, overrides);
}

/** Bytes (e.g. a fixture's rows.parquet) loaded as the file `name` would be, with its schema. */
export async function loadBytes(
  engine: Engine,
  name: string,
  bytes: Uint8Array,
  overrides: SchemaOverrides = {},
): Promise<DatasetSchema> {
  const source = {
    displayName: name,
    size: bytes.length,
    handle: { kind: 'bytes' as const, bytes },
    readRange: async (start: number, end: number) => bytes.subarray(start, end),
  };
  const dataset = await loadDataset(engine, [source], {
    tableName: `fixture_test_${++loaded}`,
    codecs: nodeCodecs(),
  });
  return inferSchema(engine, dataset, overrides);
}
