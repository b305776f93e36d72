import {
  performanceSpecFromSchemas,
  type PerformanceSpecOptions,
} from '../../shared/analyses/performance/performance-spec.ts';
import { runPerformance } from '../../shared/analyses/performance/run-performance.ts';
import { specCaseGroup } from './paired-logs.ts';

/** The performance cases: what each one asks (CLI `faultline performance` flags). */
const CASES: readonly [string, PerformanceSpecOptions][] = [
  ['performance overall', {}],
  ['performance by region', { by: ['region'] }],
  ['performance by region, device', { by: ['region', 'device'] }],
  ['performance by amount (deciles), region', { by: ['amount', 'region'] }],
  ['performance by region + weekly timeline', { by: ['region'], window: 'week' }],
];

/**
 * `faultline performance` of the current log against the reference (paired-logs.ts), overall,
 * by one and by two columns and over time, against both tables' floor.
 */
export const benchPerformance = specCaseGroup(
  'performance',
  CASES,
  ({ reference, current }, options) =>
    performanceSpecFromSchemas(current.schema, reference.schema, options),
  runPerformance,
);
