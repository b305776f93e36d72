import { describe, expect, it } from 'vitest';
import { schemaColumn, schemaOf } from '../../../test-support/schema-fixtures.ts';
import { calibrationSpecFromSchemas, checkedBinCount } from './calibration-spec.ts';

const columns = [
  schemaColumn('amount', 'DOUBLE', 'numeric', 'feature'),
  schemaColumn('region "EU"', 'VARCHAR', 'categorical', 'feature'),
  schemaColumn('when', 'TIMESTAMP', 'datetime', 'time'),
  schemaColumn('fraud?', 'VARCHAR', 'categorical', 'label'),
  schemaColumn('p', 'DOUBLE', 'numeric', 'score'),
  schemaColumn('flagged', 'VARCHAR', 'categorical', 'prediction'),
];
const log = schemaOf('t_log', columns, true);
const reference = schemaOf('t_ref', columns, true);

describe('calibrationSpecFromSchemas', () => {
  it('takes the label and score roles; 10 uniform bins by default', () => {
    expect(calibrationSpecFromSchemas(log, null)).toEqual({
      log: { table: 't_log', label: 'fraud?', positive: 'yes', score: 'p', scoreType: 'DOUBLE' },
      by: [],
      bins: 10,
      strategy: 'uniform',
    });
  });

  it("the reference's curve judges the log's positive value", () => {
    const other = { ...reference, label: { positive: 'no', negative: 'yes', reason: '' } };
    const spec = calibrationSpecFromSchemas(log, other, { bins: 20, strategy: 'quantile' });
    expect(spec.reference).toEqual({ ...spec.log, table: 't_ref' });
    expect([spec.bins, spec.strategy]).toEqual([20, 'quantile']);
  });

  it('one cohort column, cut as performance cuts it, and the cohort filter on both sides', () => {
    const spec = calibrationSpecFromSchemas(log, null, {
      by: ['amount'],
      where: [{ column: 'region "EU"', op: '=', value: 'EU' }],
    });
    expect(spec.by).toEqual([
      { name: 'amount', mode: 'quantile', logType: 'DOUBLE', referenceType: null },
    ]);
    expect(spec.where).toEqual([{ column: 'region "EU"', op: '=', value: 'EU' }]);
    expect(() => calibrationSpecFromSchemas(log, null, { by: ['amount', 'region "EU"'] })).toThrow(
      '--by: calibration takes one cohort column, not 2',
    );
    expect(() => calibrationSpecFromSchemas(log, null, { by: ['when'] })).toThrow(
      expect.objectContaining({ code: 'bad_argument', column: 'when' }),
    );
    const bare = schemaOf(
      't_bare',
      columns.filter((c) => c.name !== 'amount'),
      true,
    );
    expect(() => calibrationSpecFromSchemas(log, bare, { by: ['amount'] })).toThrow(
      'no column named "amount" in the reference',
    );
  });

  it('bins: a whole number from 2 to 1000', () => {
    for (const bad of [0, 1, 1001, 2.5, NaN]) {
      expect(() => checkedBinCount(bad)).toThrow(
        expect.objectContaining({
          code: 'bad_argument',
          message: expect.stringMatching(/^--bins must be a whole number from 2 to 1000/),
        }),
      );
      expect(() => calibrationSpecFromSchemas(log, null, { bins: bad })).toThrow(/--bins/);
    }
    expect(checkedBinCount(2)).toBe(2);
    expect(checkedBinCount(1000)).toBe(1000);
  });

  it('needs a numeric score column on each side, and says which', () => {
    const noScore = schemaOf(
      't_ns',
      columns.filter((c) => c.role !== 'score'),
      true,
    );
    expect(() => calibrationSpecFromSchemas(noScore, null)).toThrow(
      "calibration: no score column in the log (calibration needs the predicted probability of the positive class, not only 'flagged'; set --score COL)",
    );
    expect(() => calibrationSpecFromSchemas(log, noScore)).toThrow(
      'calibration: no score column in the reference',
    );
    const textScore = schemaOf(
      't_ts',
      columns.map((c) => (c.name === 'p' ? { ...c, type: 'VARCHAR' } : c)),
      true,
    );
    expect(() => calibrationSpecFromSchemas(textScore, null)).toThrow(
      expect.objectContaining({
        code: 'bad_role',
        column: 'p',
        message: expect.stringContaining("score 'p' in the log is VARCHAR, not a number"),
      }),
    );
    const noLabel = schemaOf(
      't_nl',
      columns.filter((c) => c.role !== 'label'),
      true,
    );
    expect(() => calibrationSpecFromSchemas(noLabel, null)).toThrow(
      'calibration: no label column in the log',
    );
    const multiclass = { ...log, task: 'multiclass' as const, label: null };
    expect(() => calibrationSpecFromSchemas(multiclass, null)).toThrow(/not a binary label/);
  });
});
