import { describe, expect, it } from 'vitest';
import type { DatasetSchema } from '../../../shared/schema/dataset-schema.ts';
import {
  cohortColumnChoices,
  defaultCohortColumn,
  resolvedCohortColumns,
} from './cohort-columns.ts';
import { schemaColumn } from './test-fixtures.ts';

const schema = (columns: DatasetSchema['columns']): DatasetSchema => ({
  table: 't',
  rows: 100,
  columns,
  task: 'binary',
  taskReason: '',
  label: { positive: '1', negative: '0', reason: '' },
  timeSpan: null,
  warnings: [],
});

// The samples' shape: a numeric coded as a category with many values before the text ones.
const log = schema([
  schemaColumn('transaction_id', { kind: 'text', role: 'id', distinct: 100 }),
  schemaColumn('event_time', { kind: 'datetime', role: 'time', type: 'TIMESTAMP' }),
  schemaColumn('amount', { kind: 'numeric', type: 'DOUBLE', distinct: 90 }),
  schemaColumn('txn_count_24h', { type: 'BIGINT', distinct: 17 }),
  schemaColumn('hour_bucket', { type: 'BIGINT', distinct: 6 }),
  schemaColumn('region', { distinct: 4 }),
  schemaColumn('device', { distinct: 3 }),
  schemaColumn('is_fraud', { role: 'label', distinct: 2 }),
  schemaColumn('fraud_score', { kind: 'numeric', role: 'score', type: 'DOUBLE' }),
  schemaColumn('model_version', { role: 'model', distinct: 2 }),
]);

describe('cohort columns', () => {
  it('offer numeric and categorical columns, features first, never the outcome, time or id', () => {
    expect(cohortColumnChoices(log, null).map((c) => c.name)).toEqual([
      'amount',
      'txn_count_24h',
      'hour_bucket',
      'region',
      'device',
      'model_version',
    ]);
  });

  it('offer only columns the reference has too, of a kind the reference gives them', () => {
    const reference = schema(log.columns.filter((c) => c.name !== 'region'));
    expect(cohortColumnChoices(log, reference).map((c) => c.name)).not.toContain('region');
    const textDevice = schema(
      log.columns.map((c) => (c.name === 'device' ? { ...c, kind: 'text' as const } : c)),
    );
    expect(cohortColumnChoices(log, textDevice).map((c) => c.name)).not.toContain('device');
  });

  it('start with the first text category of a few values, numbers as categories after', () => {
    expect(defaultCohortColumn(log, null)).toBe('region');
    const noText = schema(log.columns.filter((c) => !['region', 'device'].includes(c.name)));
    expect(defaultCohortColumn(noText, null)).toBe('hour_bucket');
    expect(defaultCohortColumn(schema([schemaColumn('x', { distinct: 40 })]), null)).toBeNull();
  });

  it('keep the chosen columns that can still be cohorts, or use the default', () => {
    expect(resolvedCohortColumns(null, log, null)).toEqual(['region']);
    expect(resolvedCohortColumns([], log, null)).toEqual([]);
    expect(resolvedCohortColumns(['device', 'gone', 'device', 'amount'], log, null)).toEqual([
      'device',
      'amount',
    ]);
    expect(resolvedCohortColumns(['is_fraud'], log, null)).toEqual([]);
  });
});
