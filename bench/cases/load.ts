import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Engine } from '../../shared/engine/engine.ts';
import type { LoadedDataset } from '../../shared/engine/load-dataset.ts';
import { inferSchema } from '../../shared/schema/dataset-schema.ts';
import { ensureData, parquetInput } from '../data.ts';
import { load, sampleRss, time, type Results } from '../harness.ts';
import { scanFloor } from './scan-floor.ts';

export const FLOOR = 'scan floor (every column)';

/**
 * Times loading on a fresh engine per run (its start-up untimed): a dropped 10M-row table does
 * not give DuckDB-WASM its memory back reliably, and a second copy would not fit.
 */
async function timeLoads(
  results: Results,
  runs: number,
  input: string,
  keepLast: boolean,
): Promise<{ ms: number[]; kept: { engine: Engine; dataset: LoadedDataset } | null }> {
  const ms: number[] = [];
  let kept: { engine: Engine; dataset: LoadedDataset } | null = null;
  for (let r = 0; r < runs; r++) {
    const engine = await results.startEngine();
    const t0 = performance.now();
    const dataset = await load(engine, input, 'log');
    ms.push(performance.now() - t0);
    sampleRss();
    if (keepLast && r === runs - 1) kept = { engine, dataset };
    else await engine.close();
  }
  return { ms, kept };
}

/** Loading (CSV, Parquet), the full-scan floor and inspect of the `rows`-row production log. */
export async function benchLoad(
  rows: number,
  runs: number,
  dataRoot: string,
  results: Results,
): Promise<void> {
  const dir = ensureData(rows, dataRoot, 'both');
  const csvInput = path.join(dir, 'production.csv');
  if (existsSync(csvInput)) {
    results.add('load csv', rows, (await timeLoads(results, runs, csvInput, false)).ms, FLOOR);
  }
  const parquetLoads = await timeLoads(results, runs, parquetInput(dir, 'production'), true);
  results.add('load parquet', rows, parquetLoads.ms, FLOOR);
  const { engine, dataset } = parquetLoads.kept ?? {};
  if (!engine || !dataset) throw new Error('nothing loaded');
  try {
    results.add(
      FLOOR,
      dataset.rows,
      await time(runs, () => scanFloor(engine, dataset.table, dataset.columns)),
      FLOOR,
    );
    results.add(
      'inspect (summary + schema)',
      dataset.rows,
      await time(runs, async () => {
        await inferSchema(engine, dataset);
      }),
      FLOOR,
    );
  } finally {
    await engine.close();
  }
}
