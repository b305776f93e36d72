import type { Table } from 'apache-arrow';

/** A cell as the core uses it: numbers (never bigint, never NaN), text, booleans or null. */
export type Cell = number | string | boolean | null;

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime();
  // Nested values (lists, structs) are rare in results; keep them readable rather than lossy.
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
}

/**
 * Arrow result → one array per column, keyed by column name. Meant for aggregate results (a few
 * thousand cells), not raw rows. Timestamps arrive as epoch milliseconds.
 */
export function readColumns(t: Table): Record<string, Cell[]> {
  const out: Record<string, Cell[]> = {};
  t.schema.fields.forEach((field, i) => {
    const vector = t.getChildAt(i);
    const values: Cell[] = new Array<Cell>(t.numRows);
    for (let r = 0; r < t.numRows; r++) values[r] = toCell(vector?.get(r));
    out[field.name] = values;
  });
  return out;
}

/** Arrow result → row objects; for small results such as summaries and pages. */
export function readRows(t: Table): Record<string, Cell>[] {
  const cols = readColumns(t);
  const names = Object.keys(cols);
  const rows: Record<string, Cell>[] = [];
  for (let r = 0; r < t.numRows; r++) {
    const row: Record<string, Cell> = {};
    for (const n of names) row[n] = cols[n]?.[r] ?? null;
    rows.push(row);
  }
  return rows;
}

/** The single number of a one-row, one-column result (e.g. `SELECT count(*)`), or null. */
export function readScalar(t: Table): Cell {
  if (t.numRows === 0 || t.numCols === 0) return null;
  return toCell(t.getChildAt(0)?.get(0));
}

/** The list in the first row of a list-typed result column (e.g. `map_keys(histogram(x))`). */
export function readList(t: Table, column: string): Cell[] {
  const index = t.schema.fields.findIndex((f) => f.name === column);
  const list: unknown = index >= 0 && t.numRows > 0 ? t.getChildAt(index)?.get(0) : null;
  if (list === null || typeof list !== 'object' || !(Symbol.iterator in list)) return [];
  return [...(list as Iterable<unknown>)].map(toCell);
}
