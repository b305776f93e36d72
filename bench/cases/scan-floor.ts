import type { Engine } from '../../shared/engine/engine.ts';
import type { DatasetColumn } from '../../shared/engine/describe-table.ts';
import { isNumericType } from '../../shared/schema/duck-types.ts';
import { ident, join, sql, table } from '../../shared/sql/sql.ts';

/**
 * The full-scan floor: one aggregate that reads every value of every column once. Each later
 * analysis is quoted as a ratio to it.
 */
export async function scanFloor(
  engine: Engine,
  tableName: string,
  columns: DatasetColumn[],
): Promise<void> {
  const aggregates = columns.map((c, i) =>
    isNumericType(c.type)
      ? sql`sum(${ident(c.name)}::DOUBLE) AS ${ident(`a${i}`)}`
      : sql`max(${ident(c.name)}) AS ${ident(`a${i}`)}`,
  );
  await engine.query(sql`SELECT count(*) AS n, ${join(aggregates)} FROM ${table(tableName)}`);
}
