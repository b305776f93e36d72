import { describe, expect, it } from 'vitest';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { schemaColumn, schemaOf } from '../../../test-support/schema-fixtures.ts';
import { errorsSpecFromSchemas } from './errors-spec.ts';

const binaryLog = (): DatasetSchema =>
  schemaOf(
    'log',
    [
      schemaColumn('txn id', 'VARCHAR', 'text', 'id'),
      schemaColumn('amount', 'DOUBLE', 'numeric', 'feature'),
      schemaColumn('when', 'TIMESTAMP', 'datetime', 'time'),
      schemaColumn('y', 'VARCHAR', 'categorical', 'label'),
      schemaColumn('p', 'DOUBLE', 'numeric', 'score'),
      schemaColumn('yhat', 'VARCHAR', 'categorical', 'prediction'),
      schemaColumn('city', 'VARCHAR', 'categorical', 'feature'),
      schemaColumn('opened', 'DATE', 'datetime', 'feature'),
      schemaColumn('version', 'VARCHAR', 'categorical', 'model'),
    ],
    true,
  );

const reference = (): DatasetSchema =>
  schemaOf('ref', [
    schemaColumn('amount', 'VARCHAR', 'categorical', 'feature'),
    schemaColumn('opened', 'TIMESTAMP', 'datetime', 'feature'),
  ]);

const multiclassLog = (score: boolean): DatasetSchema => ({
  ...schemaOf('mc', [
    schemaColumn('label', 'VARCHAR', 'categorical', 'label'),
    schemaColumn('prediction', 'VARCHAR', 'categorical', 'prediction'),
    ...(score ? [schemaColumn('confidence', 'DOUBLE', 'numeric', 'score')] : []),
  ]),
  task: 'multiclass',
});

describe('errorsSpecFromSchemas', () => {
  it("binary: the log's outcome as performance reads it, sorted by confidence", () => {
    const spec = errorsSpecFromSchemas(binaryLog(), null);
    expect(spec.outcome).toEqual({
      task: 'binary',
      binary: {
        label: 'y',
        positive: 'yes',
        prediction: 'yhat',
        score: 'p',
        threshold: 0.5,
        labelType: 'VARCHAR',
        predictionType: 'VARCHAR',
      },
      negative: 'no',
    });
    expect(spec.sort).toEqual({ key: 'confidence', direction: 'desc' });
    expect(spec.columns).toEqual(['txn id', 'when', 'y', 'yhat', 'p', 'amount', 'city', 'opened']);
    expect(spec.reference).toBeUndefined();
  });

  it('a threshold replaces the logged prediction', () => {
    const spec = errorsSpecFromSchemas(binaryLog(), null, { threshold: 0.3 });
    expect(spec.outcome).toMatchObject({ binary: { prediction: null, threshold: 0.3 } });
    expect(spec.columns).not.toContain('yhat');
    for (const threshold of [-0.1, 1.5, Number.NaN]) {
      expect(() => errorsSpecFromSchemas(binaryLog(), null, { threshold })).toThrow(
        /threshold .*: expected a number in \[0, 1\]/,
      );
    }
  });

  it("features compare as the reference's kind and types allow", () => {
    const spec = errorsSpecFromSchemas(binaryLog(), reference());
    expect(spec.reference).toEqual({ table: 'ref' });
    expect(spec.features).toEqual([
      {
        name: 'amount',
        kind: 'categorical',
        comparison: 'value',
        logType: 'DOUBLE',
        referenceType: 'VARCHAR',
      },
      {
        name: 'city',
        kind: 'categorical',
        comparison: 'value',
        logType: 'VARCHAR',
        referenceType: null,
      },
      {
        name: 'opened',
        kind: 'datetime',
        comparison: 'time',
        logType: 'DATE',
        referenceType: 'TIMESTAMP',
      },
    ]);
    const alone = errorsSpecFromSchemas(binaryLog(), null);
    expect(alone.features[0]).toMatchObject({ comparison: 'number', referenceType: 'DOUBLE' });
  });

  it('sorts by score and time roles, any column, and refuses the rest naming it', () => {
    const sorted = (by: string) =>
      errorsSpecFromSchemas(binaryLog(), null, { sort: { by, direction: 'asc' } }).sort;
    expect(sorted('score')).toEqual({
      key: 'column',
      column: 'p',
      type: 'DOUBLE',
      direction: 'asc',
    });
    expect(sorted('time')).toMatchObject({ column: 'when', type: 'TIMESTAMP' });
    expect(sorted('txn id')).toMatchObject({ column: 'txn id', type: 'VARCHAR' });
    expect(sorted('error')).toEqual({ key: 'error', direction: 'asc' });
    expect(() => sorted('Amount')).toThrow(
      expect.objectContaining({ code: 'unknown_column', column: 'Amount' }),
    );
    expect(() =>
      errorsSpecFromSchemas(binaryLog(), null, {
        sort: { by: 'amount', direction: 'up' as 'asc' },
      }),
    ).toThrow("sort direction is 'asc' or 'desc'");
  });

  it('checks the filter and the columns asked for against the log', () => {
    expect(() =>
      errorsSpecFromSchemas(binaryLog(), reference(), {
        where: [{ column: 'region', op: '=', value: 'EU' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'unknown_column', column: 'region' }));
    // The reference lacks 'city': the filter picks log rows only.
    const spec = errorsSpecFromSchemas(binaryLog(), reference(), {
      where: [{ column: 'city', op: '=', value: 'Oslo' }],
      columns: ['version', 'city'],
    });
    expect(spec.where).toEqual([{ column: 'city', op: '=', value: 'Oslo' }]);
    expect(spec.columns).toEqual(['version', 'city']);
    expect(() => errorsSpecFromSchemas(binaryLog(), null, { columns: ['nope'] })).toThrow(
      'errors: columns: no column named "nope" in the log',
    );
  });

  it('multiclass: the score column is the confidence; no threshold', () => {
    const spec = errorsSpecFromSchemas(multiclassLog(true), null);
    expect(spec.outcome).toEqual({
      task: 'multiclass',
      side: { table: 'mc', label: 'label', prediction: 'prediction', numeric: false },
      score: 'confidence',
    });
    // A column named "confidence" is the computed confidence when sorted by that name.
    expect(
      errorsSpecFromSchemas(multiclassLog(true), null, {
        sort: { by: 'confidence', direction: 'asc' },
      }).sort,
    ).toEqual({ key: 'confidence', direction: 'asc' });
    expect(errorsSpecFromSchemas(multiclassLog(false), null).outcome).toMatchObject({
      score: null,
    });
  });

  it('says what is missing for a task, as the analysis', () => {
    const noPrediction: DatasetSchema = {
      ...schemaOf('mc', [schemaColumn('label', 'VARCHAR', 'categorical', 'label')]),
      task: 'multiclass',
    };
    expect(() => errorsSpecFromSchemas(noPrediction, null)).toThrow(/^errors: no prediction/);
    const noTask = schemaOf('t', [schemaColumn('x', 'DOUBLE', 'numeric', 'feature')]);
    expect(() => errorsSpecFromSchemas(noTask, null)).toThrow(
      expect.objectContaining({ code: 'bad_role' }),
    );
  });

  it('refuses a log whose column "rowid" hides the row identity', () => {
    const log = binaryLog();
    log.columns.push(schemaColumn('ROWID', 'BIGINT', 'numeric', 'feature'));
    expect(() => errorsSpecFromSchemas(log, null)).toThrow(/column named "ROWID"/);
  });

  it('is plain data', () => {
    const spec = errorsSpecFromSchemas(binaryLog(), reference(), { threshold: 0.4 });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});
