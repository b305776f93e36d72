// A log that "repeats the planted canary failure" for the fixtures' regression tests: the canary
// sample's baseline rows (v1) as if v2's flaw were back, i.e. the scores of the failing segment
// shifted by the planted logit shift (score' = sigmoid(logit(score) + shift)) and the predicted
// label recomputed at the answer key's threshold. Computed in DuckDB, written with parquet-wasm.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { CANARY_SEGMENT } from '../samples/planted/canary-segment.ts';
import type { Engine } from '../shared/engine/engine.ts';
import { loadDataset } from '../shared/engine/load-dataset.ts';
import { dataSourceFromPath, nodeCodecs } from '../shared/engine/node-sources.node.ts';
import { ident, sql, table } from '../shared/sql/sql.ts';
import { samplePath, sampleColumns } from './samples.ts';

/** The cut the generator's predicted labels use (answer-key.json `columns.threshold`). */
export const answerKeyThreshold = (): number =>
  (
    JSON.parse(readFileSync(samplePath('answer-key.json'), 'utf8')) as {
      columns: { threshold: number };
    }
  ).columns.threshold;

let loads = 0;

/**
 * Writes the replay log to `outPath` (Parquet) and returns its row count and the segment's. The
 * shift uses sigmoid(logit(s) + d) = s·e^d / (s·e^d + 1 - s), which needs no logarithm, so
 * scores of exactly 0 or 1 stay 0 or 1.
 */
export async function writeReplayLog(
  engine: Engine,
  outPath: string,
): Promise<{ rows: number; segmentRows: number }> {
  const source = `replay_source_${++loads}`;
  await loadDataset(engine, [await dataSourceFromPath(samplePath('data/canary.parquet'))], {
    tableName: source,
    codecs: nodeCodecs(),
  });
  const [segment] = CANARY_SEGMENT.segment;
  if (segment === undefined) throw new Error('the planted canary failure names no segment');
  const score = ident(sampleColumns.score);
  const inSegment = sql`${ident(segment.column)} = ${segment.value}`;
  const lift = sql`exp(${CANARY_SEGMENT.prepaidLogitShift})`;
  const shifted = sql`CASE WHEN ${inSegment}
      THEN ${score} * ${lift} / (${score} * ${lift} + (1 - ${score})) ELSE ${score} END`;
  const baseline = sql`${ident(sampleColumns.model)} = ${CANARY_SEGMENT.baselineModel}`;
  const replay = await engine.query(
    sql`SELECT * EXCLUDE (replay_order) REPLACE (
        CAST(${score} >= ${answerKeyThreshold()} AS BIGINT) AS ${ident(sampleColumns.prediction)}
      ) FROM (
        SELECT * REPLACE (${shifted} AS ${score}), rowid AS replay_order
        FROM ${table(source)} WHERE ${baseline}
      ) ORDER BY replay_order`,
  );
  await writeFile(outPath, await nodeCodecs().writeParquet(replay));
  const segmentColumn = replay.getChild(segment.column);
  let segmentRows = 0;
  for (let r = 0; r < replay.numRows; r++)
    if (segmentColumn?.get(r) === segment.value) segmentRows++;
  await engine.query(sql`DROP TABLE ${table(source)}`);
  return { rows: replay.numRows, segmentRows };
}
