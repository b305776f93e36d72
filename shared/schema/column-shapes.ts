import { readList } from '../engine/arrow-columns.ts';
import type { Engine, RunContext } from '../engine/engine.ts';
import { ident, join, sql, table, type Sql } from '../sql/sql.ts';
import type { ColumnShape } from './column-shape.ts';
import type { SchemaColumn } from './dataset-schema.ts';
import { isFloatType, isNumericType, isTemporalType } from './duck-types.ts';

/** Bins per sparkline: enough to show a shape, few enough to read at 80 pixels. */
export const shapeBins = 24;

function valueOf(c: SchemaColumn): Sql | null {
  const col = ident(c.name);
  if (isTemporalType(c.type)) return sql`epoch_ms(${col}::TIMESTAMP)::DOUBLE`;
  if (isFloatType(c.type)) return sql`CASE WHEN isfinite(${col}) THEN ${col}::DOUBLE END`;
  if (isNumericType(c.type)) return sql`${col}::DOUBLE`;
  return null;
}

/**
 * Equal-width bin counts of every numeric and time column, in one scan: DuckDB bins and counts,
 * JS receives `shapeBins` numbers per column. Edges come from the schema's min and max.
 */
export async function columnShapes(
  engine: Engine,
  tableName: string,
  columns: readonly SchemaColumn[],
  ctx: RunContext = {},
): Promise<Record<string, ColumnShape>> {
  const binned = columns.flatMap((c) => {
    const value = valueOf(c);
    if (value === null || c.min === null || c.max === null) return [];
    if (c.kind !== 'numeric' && c.kind !== 'datetime') return [];
    return [{ column: c, value, min: c.min, max: c.max }];
  });
  if (binned.length === 0) return {};
  const parts = binned.map(({ value, min, max }, i) => {
    const bins = max > min ? shapeBins : 1;
    const width = max > min ? (max - min) / bins : 1;
    // least() keeps a value equal to max in the last bin; it also ignores NULLs (least(NULL, 23)
    // is 23), so the floor is taken only for values that exist.
    const bin = sql`least(floor((${value} - ${min}) / ${width}), ${bins - 1})::INTEGER`;
    const h = sql`histogram(CASE WHEN ${value} IS NOT NULL THEN ${bin} END)`;
    return sql`map_keys(${h}) AS ${ident(`k${i}`)}, map_values(${h})::DOUBLE[] AS ${ident(`n${i}`)}`;
  });
  const t = await engine.query(sql`SELECT ${join(parts)} FROM ${table(tableName)}`, ctx);
  const shapes: Record<string, ColumnShape> = {};
  binned.forEach(({ column, min, max }, i) => {
    const counts = new Array<number>(max > min ? shapeBins : 1).fill(0);
    const keys = readList(t, `k${i}`);
    const values = readList(t, `n${i}`);
    keys.forEach((k, j) => {
      if (typeof k === 'number' && k >= 0 && k < counts.length) counts[k] = Number(values[j] ?? 0);
    });
    shapes[column.name] = { min, max, counts };
  });
  return shapes;
}
