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
