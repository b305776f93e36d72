import type { Engine } from '../../shared/engine/engine.ts';
import type { LoadedDataset } from '../../shared/engine/load-dataset.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { inferSchema, type DatasetSchema } from '../../shared/schema/dataset-schema.ts';
import { ensureData, parquetInput } from '../data.ts';
import { load, sampleRss, time, type Results } from '../harness.ts';
import { engineMemory, wontFit } from '../memory.ts';
import { scanFloor } from './scan-floor.ts';

/**
 * Both tables' full-scan floor (scanFloor of the reference, then of the current table), measured
 * on each group's own engine and named for it, so each group's cases quote their own.
 */
export const pairFloor = (group: string): string => `scan floor (reference + current), ${group}`;

/** One loaded side with its inferred schema. */
export interface BenchSide {
  dataset: LoadedDataset;
  schema: DatasetSchema;
}

/** What a paired-log case gets: the engine, both sides, and how to record a timed case. */
export interface PairedLogs {
  engine: Engine;
  reference: BenchSide;
  current: BenchSide;
  record(name: string, ms: number[], details?: Record<string, unknown>): void;
}

/**
 * Cases that compare two logs of `rows` rows each: the training log of the 2·rows sample (rows
 * rows, the training weeks) as the reference, the production log of the rows sample (the later
 * weeks, with the planted failures) as the current data. Times the group's pairFloor, then runs
 * `body`,
 * which records each of `cases` against it. Skipped, saying why, when two such tables would not
 * fit in DuckDB-WASM; an out-of-memory error midway skips the rest the same way.
 */
export async function benchPairedLogs(
  {
    rows,
    runs,
    dataRoot,
    results,
  }: { rows: number; runs: number; dataRoot: string; results: Results },
  group: string,
  cases: readonly string[],
  body: (pair: PairedLogs) => Promise<void>,
): Promise<void> {
  const floor = pairFloor(group);
  const pending = [floor, ...cases];
  const sideDetails = { rows_per_side: rows };
  const record = (name: string, ms: number[], details: Record<string, unknown> = {}) => {
    results.add(name, 2 * rows, ms, floor, { ...sideDetails, ...details });
    pending.splice(pending.indexOf(name), 1);
  };
  const skipRest = (reason: string) => {
    for (const name of pending) results.skip(name, 2 * rows, reason, sideDetails);
  };

  const engine = await results.startEngine();
  try {
    const current = await load(
      engine,
      parquetInput(ensureData(rows, dataRoot, 'both'), 'production'),
      'current',
    );
    sampleRss();
    const tooBig = wontFit(await engineMemory(engine), 2);
    if (tooBig) {
      skipRest(tooBig);
      return;
    }
    const reference = await load(
      engine,
      parquetInput(ensureData(2 * rows, dataRoot, 'parquet'), 'training'),
      'reference',
    );
    sampleRss();
    record(
      floor,
      await time(runs, async () => {
        await scanFloor(engine, reference.table, reference.columns);
        await scanFloor(engine, current.table, current.columns);
      }),
      { columns: reference.columns.length + current.columns.length },
    );
    await body({
      engine,
      reference: { dataset: reference, schema: await inferSchema(engine, reference) },
      current: { dataset: current, schema: await inferSchema(engine, current) },
      record,
    });
  } catch (e) {
    if (!(e instanceof FaultlineError && e.code === 'out_of_memory')) throw e;
    skipRest(e.message);
  } finally {
    await engine.close();
  }
}

/**
 * A bench group of one analysis's named cases on the paired logs (benchPairedLogs): each case's
 * spec is built from both schemas and its options, untimed, then `analyse` runs on it `runs`
 * times.
 */
export function specCaseGroup<O, S>(
  group: string,
  cases: readonly (readonly [name: string, options: O])[],
  specOf: (pair: PairedLogs, options: O) => S,
  analyse: (engine: Engine, spec: S) => Promise<unknown>,
): (rows: number, runs: number, dataRoot: string, results: Results) => Promise<void> {
  return (rows, runs, dataRoot, results) =>
    benchPairedLogs(
      { rows, runs, dataRoot, results },
      group,
      cases.map(([name]) => name),
      async (pair) => {
        for (const [name, options] of cases) {
          const spec = specOf(pair, options);
          pair.record(
            name,
            await time(runs, async () => {
              await analyse(pair.engine, spec);
            }),
          );
        }
      },
    );
}
