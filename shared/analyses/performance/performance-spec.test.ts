import { describe, expect, it } from 'vitest';
import { schemaColumn, schemaOf } from '../../../test-support/schema-fixtures.ts';
import { performanceSpecFromSchemas } from './performance-spec.ts';

const columns = [
  schemaColumn('amount', 'DOUBLE', 'numeric', 'feature'),
  schemaColumn('region "EU"', 'VARCHAR', 'categorical', 'feature'),
  schemaColumn('hour', 'BIGINT', 'categorical', 'feature'),
  schemaColumn('when', 'TIMESTAMP', 'datetime', 'time'),
  schemaColumn('note', 'VARCHAR', 'text', 'feature'),
  schemaColumn('fraud?', 'VARCHAR', 'categorical', 'label'),
  schemaColumn('p', 'DOUBLE', 'numeric', 'score'),
  schemaColumn('flagged', 'VARCHAR', 'categorical', 'prediction'),
];
const log = schemaOf('t_log', columns, true);
const reference = schemaOf(
  't_ref',
  // The reference's kinds decide (STATS.md): amount is categorical there.
  columns.map((c) => (c.name === 'amount' ? { ...c, kind: 'categorical' as const } : c)),
  true,
);

describe('performanceSpecFromSchemas', () => {
  it("takes the label, prediction and score roles, and the log's positive value", () => {
    const spec = performanceSpecFromSchemas(log, null);
    expect(spec).toEqual({
      log: {
        table: 't_log',
        outcome: {
          label: 'fraud?',
          positive: 'yes',
          prediction: 'flagged',
          score: 'p',
          threshold: 0.5,
          labelType: 'VARCHAR',
          predictionType: 'VARCHAR',
        },
      },
      by: [],
    });
  });

  it('an explicit threshold cuts the score instead of the logged prediction', () => {
    const spec = performanceSpecFromSchemas(log, null, { threshold: 0.3 });
    expect(spec.log.outcome).toMatchObject({ prediction: null, score: 'p', threshold: 0.3 });
  });

  it('cohort columns: numeric ones in quantile bins, the rest by value; the kind from the reference', () => {
    const alone = performanceSpecFromSchemas(log, null, { by: ['amount', 'region "EU"'] });
    expect(alone.by).toEqual([
      { name: 'amount', mode: 'quantile', logType: 'DOUBLE', referenceType: null },
      { name: 'region "EU"', mode: 'value', logType: 'VARCHAR', referenceType: null },
    ]);
    const both = performanceSpecFromSchemas(log, reference, { by: ['amount', 'hour'] });
    expect(both.by.map((b) => [b.name, b.mode, b.referenceType])).toEqual([
      ['amount', 'value', 'DOUBLE'],
      ['hour', 'value', 'BIGINT'],
    ]);
    expect(both.reference?.table).toBe('t_ref');
  });

  it('refuses more than two cohort columns, repeats, and columns that cannot make cohorts', () => {
    const fails = (by: string[]) => () => performanceSpecFromSchemas(log, null, { by });
    expect(fails(['amount', 'hour', 'region "EU"'])).toThrow(
      expect.objectContaining({ code: 'bad_argument' }),
    );
    expect(fails(['hour', 'hour'])).toThrow(expect.objectContaining({ code: 'bad_argument' }));
    expect(fails(['when'])).toThrow(/use --window for time/);
    expect(fails(['note'])).toThrow(
      expect.objectContaining({ code: 'bad_argument', column: 'note' }),
    );
    expect(fails(['nope'])).toThrow(
      expect.objectContaining({ code: 'unknown_column', column: 'nope' }),
    );
  });

  it('names the side a cohort or filter column is missing from', () => {
    const bare = schemaOf(
      't_bare',
      columns.filter((c) => c.name !== 'hour'),
      true,
    );
    expect(() => performanceSpecFromSchemas(log, bare, { by: ['hour'] })).toThrow(
      'no column named "hour" in the reference',
    );
    expect(() =>
      performanceSpecFromSchemas(log, bare, { where: [{ column: 'hour', op: '=', value: 3 }] }),
    ).toThrow('no column named "hour" in the reference data to filter on');
  });

  it('a timeline on the time role or a named column; says why when there is none', () => {
    expect(performanceSpecFromSchemas(log, null, { window: 'week' })).toMatchObject({
      time: 'when',
      window: 'week',
    });
    const timeless = schemaOf(
      't',
      columns.filter((c) => c.role !== 'time'),
      true,
    );
    const spec = performanceSpecFromSchemas(timeless, null, { window: 'day' });
    expect(spec).not.toHaveProperty('time');
    expect(spec.skipped).toEqual({ timeline: 'no time column in the log' });
    expect(() => performanceSpecFromSchemas(log, null, { time: 'amount' })).toThrow(
      expect.objectContaining({ code: 'bad_argument', column: 'amount' }),
    );
  });

  it('needs a binary label and something that predicts it, on each side', () => {
    const noLabel = schemaOf(
      't',
      columns.filter((c) => c.role !== 'label'),
      true,
    );
    expect(() => performanceSpecFromSchemas(noLabel, null)).toThrow(
      'performance: no label column in the log',
    );
    expect(() => performanceSpecFromSchemas(log, noLabel)).toThrow(
      'performance: no label column in the reference',
    );
    const multiclass = { ...log, task: 'multiclass' as const, label: null };
    expect(() => performanceSpecFromSchemas(multiclass, null)).toThrow(/not a binary label/);
  });
});
