import { describe, expect, it } from 'vitest';
import { driftSpecFromSchemas } from './drift-spec.ts';
import { schemaColumn, schemaOf } from '../../../test-support/schema-fixtures.ts';

const features = [schemaColumn('amount', 'DOUBLE', 'numeric', 'feature')];
const reference = schemaOf('r', features);
const current = schemaOf(
  'c',
  [
    ...features,
    schemaColumn('at "time"', 'TIMESTAMP', 'datetime', 'time'),
    schemaColumn('other time', 'TIMESTAMP', 'datetime', 'ignored'),
    schemaColumn('fraud?', 'VARCHAR', 'categorical', 'label'),
    schemaColumn('p', 'DOUBLE', 'numeric', 'score'),
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
      labelType: 'VARCHAR',
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
    const bare = schemaOf('c', features);
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
