import {
  calibrationSpecFromSchemas,
  type CalibrationSpecOptions,
} from '../../shared/analyses/calibration/calibration-spec.ts';
import { runCalibration } from '../../shared/analyses/calibration/run-calibration.ts';
import { time, type Results } from '../harness.ts';
import { benchPairedLogs } from './paired-logs.ts';

/** The calibration cases: what each one asks (CLI `faultline calibration` flags). */
const CASES: readonly [string, CalibrationSpecOptions][] = [
  ['calibration uniform', {}],
  ['calibration quantile', { strategy: 'quantile' }],
  ['calibration uniform by region', { by: ['region'] }],
  ['calibration quantile by region', { strategy: 'quantile', by: ['region'] }],
];

/**
 * `faultline calibration` of the current log with the reference's curve beside it
 * (paired-logs.ts): equal-width and equal-mass bins, overall and by one column, against both
 * tables' floor.
 */
export async function benchCalibration(
  rows: number,
  runs: number,
  dataRoot: string,
  results: Results,
): Promise<void> {
  await benchPairedLogs(
    { rows, runs, dataRoot, results },
    'calibration',
    CASES.map(([name]) => name),
    async ({ engine, reference, current, record }) => {
      for (const [name, options] of CASES) {
        const spec = calibrationSpecFromSchemas(current.schema, reference.schema, options);
        record(
          name,
          await time(runs, async () => {
            await runCalibration(engine, spec);
          }),
        );
      }
    },
  );
}
