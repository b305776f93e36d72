// Whether a request succeeded, read from a status column as its name and type suggest: a success
// flag (`success`, `ok`: true, 1, 'yes', 'ok' succeed), an error flag or code (`error`,
// `error_code`: a missing, false, 0 or empty value succeeds) or a status (`status`,
// `http_status`: HTTP 2xx/3xx, or 'ok' / 'success' / 'succeeded' as text).
import type { SchemaColumn } from '../../schema/dataset-schema.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import { ident, sql, type Sql } from '../../sql/sql.ts';

export type SuccessRule = 'flag' | 'error' | 'http_status' | 'text_status';

/** How a status column says success, from its name and type. */
export function successRule(column: Pick<SchemaColumn, 'name' | 'type'>): SuccessRule {
  if (/err|fail/i.test(column.name)) return 'error';
  if (/status/i.test(column.name))
    return isNumericType(column.type) ? 'http_status' : 'text_status';
  return 'flag';
}

const truthyText = sql`('true', 't', '1', '1.0', 'yes', 'y', 'ok', 'success', 'succeeded')`;
const falsyText = sql`('false', 'f', '0', '0.0', 'no', 'n', '', 'none', 'null', 'ok')`;

/**
 * A row's success as a SQL boolean: NULL when unknown (a null flag or status; an error column's
 * null means no error).
 */
export function successSql(column: string, rule: SuccessRule): Sql {
  const c = ident(column);
  const text = sql`lower(trim(${c}::VARCHAR))`;
  switch (rule) {
    case 'flag':
      return sql`CASE WHEN ${c} IS NULL THEN NULL ELSE ${text} IN ${truthyText} END`;
    case 'error':
      return sql`(${c} IS NULL OR ${text} IN ${falsyText})`;
    case 'http_status':
      return sql`CASE WHEN ${c} IS NULL THEN NULL ELSE ${c}::DOUBLE >= 200 AND ${c}::DOUBLE < 400 END`;
    case 'text_status':
      return sql`CASE WHEN ${c} IS NULL THEN NULL ELSE (${text} IN ${truthyText} OR regexp_matches(${text}, '^[23][0-9][0-9]$')) END`;
  }
}
