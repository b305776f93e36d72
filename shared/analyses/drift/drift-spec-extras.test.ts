import { describe, expect, it } from 'vitest';
import type { DatasetSchema, SchemaColumn } from '../../schema/dataset-schema.ts';
import { driftSpecFromSchemas } from './drift-spec.ts';

function col(name: string, type: string, kind: SchemaColumn['kind'], role: SchemaColumn['role']) {
  return {
    name,
    type,
    kind,
    kindReason: '',
    role,
    roleReason: '',
    scoresClass: null,
    nulls: 0,
    nullRate: 0,
    distinct: 0,
    invalid: 0,
    min: null,
    max: null,
    topValues: null,
  } satisfies SchemaColumn;
}

function schema(tableName: string, columns: SchemaColumn[], binary = false): DatasetSchema {
  return {
    table: tableName,
    rows: 10,
    columns,
    task: binary ? 'binary' : null,
    taskReason: '',
    label: binary ? { positive: 'yes', negative: 'no', reason: '' } : null,
    timeSpan: null,
    warnings: [],
  };
}

const features = [col('amount', 'DOUBLE', 'numeric', 'feature')];
const reference = schema('r', features);
const current = schema(
  'c',
  [
    ...features,
    col('at "time"', 'TIMESTAMP', 'datetime', 'time'),
    col('other time', 'TIMESTAMP', 'datetime', 'ignored'),
    col('fraud?', 'VARCHAR', 'categorical', 'label'),
    col('p', 'DOUBLE', 'numeric', 'score'),
  ],
  true,
);

describe('driftSpecFromSchemas: timeline and impact options', () => {
  it('adds nothing unless asked', () => {
    const spec = driftSpecFromSchemas(reference, current);
    expect(spec).not.toHaveProperty('time');
    expect(spec).not.toHaveProperty('outcome');
    expect(spec).not.toHaveProperty('skipped');
  });

  it("takes the current data's time role, label and score (no prediction: threshold)", () => {
    const spec = driftSpecFromSchemas(reference, current, { window: 'week', impact: true });
    expect(spec).toMatchObject({ time: 'at "time"', window: 'week' });
    expect(spec.outcome).toEqual({
      label: 'fraud?',
      positive: 'yes',
      prediction: null,
      score: 'p',
      threshold: 0.5,
    });
    expect(driftSpecFromSchemas(reference, current, { time: 'other time' })).toMatchObject({
      time: 'other time',
      window: 'auto',
    });
    expect(
      driftSpecFromSchemas(reference, current, { impact: true, threshold: 0.3 }).outcome,
    ).toMatchObject({ threshold: 0.3 });
  });

  it('says why when there is no time column or no label', () => {
    const bare = schema('c', features);
    const spec = driftSpecFromSchemas(reference, bare, { window: 'day', impact: true });
    expect(spec).not.toHaveProperty('time');
    expect(spec.skipped).toEqual({
      timeline: 'no time column in the current data',
      impact: 'no label column in the current data',
    });
  });

  it('names a time column that is missing or not a time', () => {
    expect(() => driftSpecFromSchemas(reference, current, { time: 'nope' })).toThrow(
      expect.objectContaining({ code: 'unknown_column', column: 'nope' }),
    );
    expect(() => driftSpecFromSchemas(reference, current, { time: 'amount' })).toThrow(
      expect.objectContaining({ code: 'bad_argument', column: 'amount' }),
    );
  });
});
