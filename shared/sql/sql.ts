import { quoteIdent, quoteLiteral } from './quote.ts';

/** A value DuckDB binds to a `?` placeholder. */
export type SqlValue = string | number | boolean | null;

declare const sqlBrand: unique symbol;

/** SQL text with `?` placeholders and their values; only this module can make one. */
export interface Sql {
  readonly text: string;
  readonly params: readonly SqlValue[];
  readonly [sqlBrand]: true;
}

function make(text: string, params: readonly SqlValue[]): Sql {
  return { text, params } as unknown as Sql;
}

function isSql(v: unknown): v is Sql {
  return typeof v === 'object' && v !== null && 'text' in v && 'params' in v;
}

/**
 * Template tag: `${Sql}` splices a fragment, any other value becomes a bound `?` parameter.
 * So a column name or a user's value can never become SQL text by accident. Numbers other than
 * safe integers bind as DOUBLE, exactly.
 */
export function sql(strings: TemplateStringsArray, ...values: readonly (Sql | SqlValue)[]): Sql {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((v, i) => {
    if (isSql(v)) {
      text += v.text;
      params.push(...v.params);
    } else if (typeof v === 'number' && !Number.isSafeInteger(v)) {
      // DuckDB-WASM reads a bound JS number through a parser that keeps 16 significant digits
      // (123456789.12345679 arrives as 123456789.1234568) and refuses integers past 2^53, so such
      // numbers travel as their shortest round-trip text through DuckDB's exact cast.
      text += 'CAST(? AS DOUBLE)';
      params.push(String(v));
    } else {
      text += '?';
      params.push(v);
    }
    text += strings[i + 1] ?? '';
  });
  return make(text, params);
}

/** A quoted identifier (column or table name) as a fragment. */
export function ident(name: string): Sql {
  return make(quoteIdent(name), []);
}

/** A table name the engine chose (e.g. `ds_1`), quoted like any identifier. */
export function table(name: string): Sql {
  return ident(name);
}

/** A quoted text literal, for table-function arguments DuckDB cannot bind. */
export function literal(value: string): Sql {
  return make(quoteLiteral(value), []);
}

/** Fragments joined by a separator (default `, `). */
export function join(parts: readonly Sql[], separator = ', '): Sql {
  return make(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );
}

/**
 * A fixed piece of SQL written in our own source (a keyword, a type name, an option).
 * Never pass it anything that came from a file or a user.
 */
export function raw(text: `${string}`): Sql {
  return make(text, []);
}
