import {
  calibrationSpecFromSchemas,
  type CalibrationSpecOptions,
} from '../../shared/analyses/calibration/calibration-spec.ts';
import { runCalibration } from '../../shared/analyses/calibration/run-calibration.ts';
import { specCaseGroup } from './paired-logs.ts';

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
export const benchCalibration = specCaseGroup(
  'calibration',
  CASES,
  ({ reference, current }, options) =>
    calibrationSpecFromSchemas(current.schema, reference.schema, options),
  runCalibration,
);
