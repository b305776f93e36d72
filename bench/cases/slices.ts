import { runSlices } from '../../shared/analyses/slices/run-slices.ts';
import type { SliceLevel } from '../../shared/analyses/slices/slices-result.ts';
import { slicesSpecFromSchemas } from '../../shared/analyses/slices/slices-spec.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { inferSchema } from '../../shared/schema/dataset-schema.ts';
import { ensureData, parquetInput } from '../data.ts';
import { load, sampleRss, time, type Results } from '../harness.ts';
import { scanFloor } from './scan-floor.ts';

const FLOOR = 'scan floor (the log), slices';
const SEARCH = 'slices: 10 columns, max level 3';

/** The ten columns: five numeric (cut into 5 bins), five categorical. */
export const SLICE_COLUMNS = [
  'amount',
  'account_age_days',
  'txn_count_24h',
  'avg_amount_30d',
  'distance_from_home_km',
  'region',
  'device',
  'channel',
  'merchant_category',
  'card_type',
];

/** Candidates, pruned and evaluated slices per level, as the bench's JSON keeps them. */
const perLevel = (levels: readonly SliceLevel[]) =>
  levels.map(({ level, candidates, pruned, evaluated }) => ({
    level,
    candidates,
    pruned,
    evaluated,
  }));

/**
 * Weak-slice discovery on the `rows`-row production log alone (one table, so 10M rows fit):
 * the search of the ten columns with the defaults, against the log's own scan floor.
 */
export async function benchSlices(
  rows: number,
  runs: number,
  dataRoot: string,
  results: Results,
): Promise<void> {
  const engine = await results.startEngine();
  // What an out-of-memory error skips: the cases not measured yet.
  const pending = [FLOOR, SEARCH];
  try {
    const log = await load(
      engine,
      parquetInput(ensureData(rows, dataRoot, 'both'), 'production'),
      'log',
    );
    sampleRss();
    results.add(
      FLOOR,
      log.rows,
      await time(runs, () => scanFloor(engine, log.table, log.columns)),
      FLOOR,
    );
    pending.shift();
    const spec = slicesSpecFromSchemas(await inferSchema(engine, log), null, {
      columns: SLICE_COLUMNS,
    });
    let levels: SliceLevel[] = [];
    const ms = await time(runs, async () => {
      levels = (await runSlices(engine, spec)).levels;
    });
    results.add(SEARCH, log.rows, ms, FLOOR, {
      columns: SLICE_COLUMNS.length,
      levels: perLevel(levels),
    });
  } catch (e) {
    if (!(e instanceof FaultlineError && e.code === 'out_of_memory')) throw e;
    for (const name of pending) results.skip(name, rows, e.message);
  } finally {
    await engine.close();
  }
}
