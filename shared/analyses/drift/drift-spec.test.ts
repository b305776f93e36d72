import { describe, expect, it } from 'vitest';
import { driftSpecFromSchemas } from './drift-spec.ts';
import { schemaColumn, schemaOf } from '../../../test-support/schema-fixtures.ts';

const reference = schemaOf('t_ref', [
  schemaColumn('id', 'BIGINT', 'numeric', 'id'),
  schemaColumn('amount', 'DOUBLE', 'numeric', 'feature'),
  schemaColumn('region "EU"', 'VARCHAR', 'categorical', 'feature'),
  schemaColumn('when', 'TIMESTAMP', 'datetime', 'time'),
  schemaColumn('note', 'VARCHAR', 'text', 'feature'),
  schemaColumn('label', 'BIGINT', 'categorical', 'label'),
  schemaColumn('gone', 'DOUBLE', 'numeric', 'feature'),
  schemaColumn('typed', 'DOUBLE', 'numeric', 'feature'),
  schemaColumn('forced', 'VARCHAR', 'numeric', 'feature'),
]);
const current = schemaOf('t_cur', [
  schemaColumn('id', 'BIGINT', 'numeric', 'id'),
  schemaColumn('amount', 'BIGINT', 'numeric', 'feature'),
  schemaColumn('region "EU"', 'VARCHAR', 'categorical', 'feature'),
  schemaColumn('when', 'TIMESTAMP', 'datetime', 'time'),
  schemaColumn('note', 'VARCHAR', 'text', 'feature'),
  schemaColumn('label', 'BIGINT', 'categorical', 'label'),
  schemaColumn('typed', 'VARCHAR', 'categorical', 'feature'),
  schemaColumn('forced', 'VARCHAR', 'numeric', 'feature'),
]);

describe('driftSpecFromSchemas', () => {
  it('by default: paired features and label, the reference kind and role, both types', () => {
    expect(driftSpecFromSchemas(reference, current)).toEqual({
      referenceTable: 't_ref',
      currentTable: 't_cur',
      columns: [
        {
          name: 'amount',
          kind: 'numeric',
          referenceType: 'DOUBLE',
          currentType: 'BIGINT',
          role: 'feature',
        },
        {
          name: 'region "EU"',
          kind: 'categorical',
          referenceType: 'VARCHAR',
          currentType: 'VARCHAR',
          role: 'feature',
        },
        // The label is compared too (label shift); with no known task, by its kind.
        {
          name: 'label',
          kind: 'categorical',
          referenceType: 'BIGINT',
          currentType: 'BIGINT',
          role: 'label',
        },
        // A numeric kind forced on text is compared as text.
        {
          name: 'forced',
          kind: 'categorical',
          referenceType: 'VARCHAR',
          currentType: 'VARCHAR',
          role: 'feature',
        },
      ],
    });
  });

  it('--columns picks any comparable column, in the order given', () => {
    const spec = driftSpecFromSchemas(reference, current, { columns: ['label', 'amount'] });
    expect(spec.columns.map((c) => [c.name, c.kind])).toEqual([
      ['label', 'categorical'],
      ['amount', 'numeric'],
    ]);
  });

  it('names the column it cannot compare', () => {
    const fails = (name: string) => () =>
      driftSpecFromSchemas(reference, current, { columns: [name] });
    expect(fails('nope')).toThrow(
      expect.objectContaining({ code: 'unknown_column', column: 'nope' }),
    );
    expect(fails('gone')).toThrow(expect.objectContaining({ code: 'unknown_column' }));
    expect(fails('typed')).toThrow(expect.objectContaining({ code: 'schema_mismatch' }));
    expect(fails('when')).toThrow(
      expect.objectContaining({ code: 'bad_argument', column: 'when' }),
    );
  });
});

describe("driftSpecFromSchemas: the model's own columns", () => {
  const outputs = (task: 'binary' | 'regression') => {
    const columns = [
      schemaColumn('x', 'DOUBLE', 'numeric', 'feature'),
      // A score with few distinct values is still compared as a number.
      schemaColumn('p(fraud)', 'DOUBLE', 'categorical', 'score'),
      schemaColumn('y', 'BIGINT', 'numeric', 'label'),
      schemaColumn('y_hat', 'BIGINT', 'numeric', 'prediction'),
      schemaColumn('id', 'BIGINT', 'numeric', 'id'),
      schemaColumn('v', 'VARCHAR', 'categorical', 'model'),
      schemaColumn('ms', 'BIGINT', 'numeric', 'ignored'),
    ];
    return { ...schemaOf('t', columns, task === 'binary'), task };
  };
  const kinds = (task: 'binary' | 'regression') =>
    driftSpecFromSchemas(outputs(task), outputs(task)).columns.map((c) => [c.name, c.role, c.kind]);

  it('compares score, label and prediction beside the features; never id, model or ignored', () => {
    expect(kinds('binary')).toEqual([
      ['x', 'feature', 'numeric'],
      ['p(fraud)', 'score', 'numeric'],
      ['y', 'label', 'categorical'],
      ['y_hat', 'prediction', 'categorical'],
    ]);
  });

  it('compares a regression label and prediction as numbers', () => {
    expect(kinds('regression').slice(2)).toEqual([
      ['y', 'label', 'numeric'],
      ['y_hat', 'prediction', 'numeric'],
    ]);
  });

  it('--columns keeps the role of a named column, and names others as inputs', () => {
    const spec = driftSpecFromSchemas(outputs('binary'), outputs('binary'), {
      columns: ['y', 'ms'],
    });
    expect(spec.columns.map((c) => [c.name, c.role, c.kind])).toEqual([
      ['y', 'label', 'categorical'],
      ['ms', 'feature', 'numeric'],
    ]);
  });
});

describe('driftSpecFromSchemas: the cohort filter', () => {
  const region = 'region "EU"';

  it('keeps the predicates, a copy, and leaves `where` out when there are none', () => {
    const where = [{ column: region, op: 'IN' as const, value: ['a', null] }];
    const spec = driftSpecFromSchemas(reference, current, { where });
    expect(spec.where).toEqual(where);
    expect(spec.where?.[0]?.value).not.toBe(where[0]?.value);
    expect(driftSpecFromSchemas(reference, current, { where: [] })).not.toHaveProperty('where');
  });

  it('names the column and the side a predicate cannot filter on', () => {
    const filter = (column: string) => () =>
      driftSpecFromSchemas(reference, current, {
        where: [
          { column: region, op: '=', value: 'x' },
          { column, op: '>', value: 1 },
        ],
      });
    // 'gone' is in the reference only.
    expect(filter('gone')).toThrow(
      expect.objectContaining({
        code: 'unknown_column',
        column: 'gone',
        message: 'no column named "gone" in the current data to filter on',
      }),
    );
    expect(filter('nope')).toThrow(/no column named "nope" in the reference data/);
  });
});
