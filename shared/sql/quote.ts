import { FaultlineError } from '../errors.ts';

function refuseNul(text: string, what: string): void {
  // DuckDB ends a string at NUL in some paths; refusing it keeps quoting a total function.
  if (text.includes('\u0000')) {
    throw new FaultlineError({ code: 'bad_argument', message: `${what} contains a NUL character` });
  }
}

/** Quotes any column or table name as one DuckDB identifier: `"` doubled, dots kept inside. */
export function quoteIdent(name: string): string {
  refuseNul(name, `the name ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a text literal, for the few places DuckDB cannot bind a parameter (table functions). */
export function quoteLiteral(value: string): string {
  refuseNul(value, 'a text value');
  return `'${value.replaceAll("'", "''")}'`;
}
