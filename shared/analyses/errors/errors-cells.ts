// A row's values as the errors view shows them. The Arrow reader for aggregates
// (arrow-columns.ts) turns bigints into doubles and times into epoch numbers; a row of a grid
// keeps ids past 2^53 exact and shows times as ISO text, so its columns go through here.
import type { Table } from 'apache-arrow';
import { isFloatType, isIntegerType } from '../../schema/duck-types.ts';
import { ident, sql, type Sql } from '../../sql/sql.ts';
import type { Cell } from './errors-result.ts';

/** DuckDB types Arrow hands over as objects a cell cannot hold: read as text, then as numbers. */
const WIDE_INTEGER = /^(HUGEINT|UHUGEINT|UBIGINT)$/;

/** The column in the form toCell reads: plain types as they are, the rest cast. */
export function cellSql(name: string, type: string): Sql {
  const column = ident(name);
  if (WIDE_INTEGER.test(type)) return sql`${column}::VARCHAR`;
  if (isFloatType(type) || type.startsWith('DECIMAL')) return sql`${column}::DOUBLE`;
  if (isIntegerType(type) || type === 'BOOLEAN' || type === 'VARCHAR') return column;
  if (type === 'DATE' || type === 'TIMESTAMP') return column;
  if (type.startsWith('TIMESTAMP') && !type.includes('TIME ZONE')) {
    return sql`${column}::TIMESTAMP`;
  }
  return sql`${column}::VARCHAR`;
}

const integerText = /^-?\d+$/;

function numberCell(v: number): Cell {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

function timeCell(ms: number, type: string): Cell {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(ms);
  const iso = date.toISOString();
  return type === 'DATE' ? iso.slice(0, 10) : iso;
}

/** An Arrow value of a column read with cellSql(name, type), as a Cell. */
export function toCell(v: unknown, type: string): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
  if (typeof v === 'number') {
    return type === 'DATE' || type.startsWith('TIMESTAMP') ? timeCell(v, type) : numberCell(v);
  }
  if (typeof v === 'string') {
    if (WIDE_INTEGER.test(type) && integerText.test(v) && Number.isSafeInteger(Number(v))) {
      return Number(v);
    }
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return timeCell(v.getTime(), type);
  return String(v);
}

/** Arrow rows → objects of raw Arrow values by column name (a page: at most a few thousand). */
export function readRawRows(t: Table): Record<string, unknown>[] {
  const names = t.schema.fields.map((f) => f.name);
  const vectors = names.map((_, i) => t.getChildAt(i));
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < t.numRows; r++) {
    const row: Record<string, unknown> = {};
    names.forEach((n, i) => {
      row[n] = vectors[i]?.get(r) as unknown;
    });
    rows.push(row);
  }
  return rows;
}

/** A non-negative row number (a bigint rowid) as a JS number. */
export function rowNumber(v: unknown): number {
  return typeof v === 'bigint' || typeof v === 'number' ? Number(v) : -1;
}

/** A computed double (confidence, error): null unless finite. */
export function finiteOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
