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

function schema(tableName: string, columns: SchemaColumn[]): DatasetSchema {
  return {
    table: tableName,
    rows: 10,
    columns,
    task: null,
    taskReason: '',
    label: null,
    timeSpan: null,
    warnings: [],
  };
}

const reference = schema('t_ref', [
  col('id', 'BIGINT', 'numeric', 'id'),
  col('amount', 'DOUBLE', 'numeric', 'feature'),
  col('region "EU"', 'VARCHAR', 'categorical', 'feature'),
  col('when', 'TIMESTAMP', 'datetime', 'time'),
  col('note', 'VARCHAR', 'text', 'feature'),
  col('label', 'BIGINT', 'categorical', 'label'),
  col('gone', 'DOUBLE', 'numeric', 'feature'),
  col('typed', 'DOUBLE', 'numeric', 'feature'),
  col('forced', 'VARCHAR', 'numeric', 'feature'),
]);
const current = schema('t_cur', [
  col('id', 'BIGINT', 'numeric', 'id'),
  col('amount', 'BIGINT', 'numeric', 'feature'),
  col('region "EU"', 'VARCHAR', 'categorical', 'feature'),
  col('when', 'TIMESTAMP', 'datetime', 'time'),
  col('note', 'VARCHAR', 'text', 'feature'),
  col('label', 'BIGINT', 'categorical', 'label'),
  col('typed', 'VARCHAR', 'categorical', 'feature'),
  col('forced', 'VARCHAR', 'numeric', 'feature'),
]);

describe('driftSpecFromSchemas', () => {
  it('by default: paired numeric and categorical features, the reference kind, both types', () => {
    expect(driftSpecFromSchemas(reference, current)).toEqual({
      referenceTable: 't_ref',
      currentTable: 't_cur',
      columns: [
        { name: 'amount', kind: 'numeric', referenceType: 'DOUBLE', currentType: 'BIGINT' },
        {
          name: 'region "EU"',
          kind: 'categorical',
          referenceType: 'VARCHAR',
          currentType: 'VARCHAR',
        },
        // A numeric kind forced on text is compared as text.
        { name: 'forced', kind: 'categorical', referenceType: 'VARCHAR', currentType: 'VARCHAR' },
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
