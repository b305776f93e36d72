import type { DatasetSchema, SchemaColumn } from '../shared/schema/dataset-schema.ts';

/** A schema column with the given identity and empty statistics, for tests of spec building. */
export function schemaColumn(
  name: string,
  type: string,
  kind: SchemaColumn['kind'],
  role: SchemaColumn['role'],
): SchemaColumn {
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
  };
}

/** A 10-row schema over `columns`; `binary` gives it a yes/no label mapping. */
export function schemaOf(
  tableName: string,
  columns: SchemaColumn[],
  binary = false,
): DatasetSchema {
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
