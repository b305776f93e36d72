import {
  performanceSpecFromSchemas,
  type PerformanceSpecOptions,
} from '../../shared/analyses/performance/performance-spec.ts';
import { runPerformance } from '../../shared/analyses/performance/run-performance.ts';
import { createNodeEngine } from '../../shared/engine/duckdb.node.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { inferSchema } from '../../shared/schema/dataset-schema.ts';
import { ensureData, parquetInput } from '../data.ts';
import { load, sampleRss, time, type Results } from '../harness.ts';
import { engineMemory, wontFit } from '../memory.ts';
import { scanFloor } from './scan-floor.ts';

/** The log's and the reference's full-scan floor, timed together. */
export const PERFORMANCE_FLOOR = 'scan floor (log + reference)';

/** The performance cases: what each one asks (CLI `faultline performance` flags). */
const CASES: readonly [string, PerformanceSpecOptions][] = [
  ['performance overall', {}],
  ['performance by region', { by: ['region'] }],
  ['performance by region, device', { by: ['region', 'device'] }],
  ['performance by amount (deciles), region', { by: ['amount', 'region'] }],
  ['performance by region + weekly timeline', { by: ['region'], window: 'week' }],
];

/**
 * `faultline performance` on the production log of the `rows` sample against the training log
 * of the 2·rows sample (rows rows too), overall, by one and by two columns and over time, each
 * quoted against both tables' scan floor. Skipped, saying why, when the tables would not fit.
 */
export async function benchPerformance(
  rows: number,
  runs: number,
  dataRoot: string,
  results: Results,
): Promise<void> {
  const pending = [PERFORMANCE_FLOOR, ...CASES.map(([name]) => name)];
  const details = { rows_per_side: rows };
  const record = (name: string, ms: number[]) => {
    results.add(name, 2 * rows, ms, PERFORMANCE_FLOOR, details);
    pending.splice(pending.indexOf(name), 1);
  };
  const skipRest = (reason: string) => {
    for (const name of pending) results.skip(name, 2 * rows, reason, details);
  };

  const engine = await createNodeEngine();
  try {
    const log = await load(
      engine,
      parquetInput(ensureData(rows, dataRoot, 'both'), 'production'),
      'log',
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
    const [ls, rs] = [await inferSchema(engine, log), await inferSchema(engine, reference)];
    record(
      PERFORMANCE_FLOOR,
      await time(runs, async () => {
        await scanFloor(engine, log.table, log.columns);
        await scanFloor(engine, reference.table, reference.columns);
      }),
    );
    for (const [name, options] of CASES) {
      const spec = performanceSpecFromSchemas(ls, rs, options);
      record(
        name,
        await time(runs, async () => {
          await runPerformance(engine, spec);
        }),
      );
    }
  } catch (e) {
    if (!(e instanceof FaultlineError && e.code === 'out_of_memory')) throw e;
    skipRest(e.message);
  } finally {
    await engine.close();
  }
}
