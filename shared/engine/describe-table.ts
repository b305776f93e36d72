import { readColumns } from './arrow-columns.ts';
import type { Engine, RunContext } from './engine.ts';
import { sql, table } from '../sql/sql.ts';

export interface DatasetColumn {
  name: string;
  /** DuckDB's type name, e.g. BIGINT, DOUBLE, VARCHAR, TIMESTAMP. */
  type: string;
}

/** Columns and DuckDB types of a table, in table order. */
export async function describeTable(
  engine: Engine,
  tableName: string,
  ctx: RunContext = {},
): Promise<DatasetColumn[]> {
  const c = readColumns(await engine.query(sql`DESCRIBE ${table(tableName)}`, ctx));
  return (c.column_name ?? []).map((name, i) => ({
    name: String(name),
    type: String(c.column_type?.[i]),
  }));
}
