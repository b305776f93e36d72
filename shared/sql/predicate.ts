import { FaultlineError } from '../errors.ts';
import { ident, join, raw, sql, type Sql } from './sql.ts';

/** The comparisons a slice predicate can make; `IN` alone takes a list. */
export type PredicateOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'IN';

/** One compared value; timestamps travel as text and DuckDB casts them to the column's type. */
export type PredicateValue = string | number | boolean | null;

/** CLI.md's slice shape `{column, op, value}`: value is an array only for `IN`. */
export type Predicate = {
  column: string;
  op: PredicateOp;
  value: PredicateValue | PredicateValue[];
};

type ScalarOp = Exclude<PredicateOp, 'IN'>;

const COMPARISON: Record<ScalarOp, Sql> = {
  '=': raw('='),
  '!=': raw('<>'),
  '<': raw('<'),
  '<=': raw('<='),
  '>': raw('>'),
  '>=': raw('>='),
};

function bad(column: string, message: string): FaultlineError {
  return new FaultlineError({ code: 'bad_predicate', message, column });
}

function isScalarOp(op: unknown): op is ScalarOp {
  return typeof op === 'string' && Object.hasOwn(COMPARISON, op);
}

function checkValue(column: string, v: unknown): PredicateValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    // NaN or Infinity would bind, then silently match nothing (or everything).
    if (!Number.isFinite(v)) throw bad(column, `predicate on ${column}: ${v} is not a number`);
    return v;
  }
  throw bad(column, `predicate on ${column}: a value must be text, a number, a boolean or null`);
}

type Checked =
  | { column: string; op: ScalarOp; value: PredicateValue }
  | { column: string; op: 'IN'; value: PredicateValue[] };

// Predicates also arrive from the UI over IPC, so the declared type is not trusted alone.
function check(p: Predicate): Checked {
  const { column, op, value } = p;
  if (typeof column !== 'string' || column === '') {
    throw bad(String(column), 'a predicate needs a non-empty column name');
  }
  if (op === 'IN') {
    if (!Array.isArray(value)) {
      throw bad(column, `predicate on ${column}: IN takes a list of values`);
    }
    return { column, op, value: value.map((v) => checkValue(column, v)) };
  }
  if (!isScalarOp(op)) {
    throw bad(column, `predicate on ${column}: unknown operator ${JSON.stringify(op)}`);
  }
  if (Array.isArray(value)) {
    throw bad(column, `predicate on ${column}: ${op} takes one value; use IN for a list`);
  }
  const v = checkValue(column, value);
  if (v === null && op !== '=' && op !== '!=') {
    // `< NULL` is never true in SQL: refusing it beats an empty slice nobody can explain.
    throw bad(column, `predicate on ${column}: NULL can only be compared with = or !=`);
  }
  return { column, op, value: v };
}

function termSql(p: Checked): Sql {
  const col = ident(p.column);
  if (p.op !== 'IN') {
    if (p.value === null) return p.op === '=' ? sql`${col} IS NULL` : sql`${col} IS NOT NULL`;
    return sql`${col} ${COMPARISON[p.op]} ${p.value}`;
  }
  const present = p.value.filter((v) => v !== null);
  const wantsNull = present.length < p.value.length;
  if (present.length === 0) return wantsNull ? sql`${col} IS NULL` : raw('false');
  const list = sql`${col} IN (${join(present.map((v) => sql`${v}`))})`;
  // `IN (…, NULL)` never matches a null row in SQL, but the user asked for null rows too.
  return wantsNull ? sql`(${list} OR ${col} IS NULL)` : list;
}

/**
 * Predicates → a WHERE-clause body (no `WHERE`), ANDed; `true` for none. Columns go through
 * `ident()` and every value is a bound parameter. `= NULL` / `!= NULL` mean IS NULL / IS NOT NULL;
 * `IN` may list NULL to include null rows, and an empty `IN` list matches nothing. Other
 * comparisons follow SQL: `!=`, `<`, … never match a null row (`region != 'EU'` leaves out rows
 * whose region is null; add `region = NULL` as a separate slice to see them). Several predicates
 * come back parenthesised so the fragment can sit next to OR or NOT.
 */
export function predicateSql(predicates: readonly Predicate[]): Sql {
  const terms = predicates.map((p) => termSql(check(p)));
  const [first] = terms;
  if (first === undefined) return raw('true');
  if (terms.length === 1) return first;
  return sql`(${join(terms, ' AND ')})`;
}

// DuckDB's keywords outside its "unreserved" category (duckdb_keywords()), which include every
// word of the --where grammar: a bare one would read as a keyword, so those names get quotes.
const KEYWORDS = new Set(
  (
    'all analyse analyze and any array as asc asymmetric both case cast check collate column ' +
    'constraint create default deferrable desc describe distinct do else end except false fetch ' +
    'for foreign from group having in initially intersect into lambda lateral leading limit not ' +
    'null offset on only or order pivot pivot_longer pivot_wider placing primary qualify ' +
    'references returning select show some summarize symmetric table then to trailing true union ' +
    'unique unpivot using variadic when where window with ' +
    'anti asof at authorization binary by collation columns concurrently cross freeze full ' +
    'generated glob ilike inner is isnull join left like map natural notnull outer overlaps ' +
    'positional right semi similar struct tablesample try_cast unpack verbose ' +
    'between bigint bit boolean char character coalesce dec decimal exists extract float grouping ' +
    'grouping_id inout int integer interval national nchar none nullif numeric out overlay ' +
    'position precision real row setof smallint substring time timestamp treat trim values ' +
    'varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi ' +
    'xmlroot xmlserialize xmltable'
  ).split(' '),
);

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A column name as `--where` text: bare when it can be, else double-quoted. */
export function describeColumn(name: string): string {
  if (SIMPLE_NAME.test(name) && !KEYWORDS.has(name.toLowerCase())) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

function describeValue(v: PredicateValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // String(-0) is "0"; keeping the sign lets the text parse back to exactly the same value.
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return `'${v.replaceAll("'", "''")}'`;
}

/**
 * Predicates in the `--where` form for views and reports, e.g. `region = 'APAC' AND n >= 3`;
 * `parseWhere` reads it back to the same predicates (an empty list gives '').
 */
export function describePredicates(predicates: readonly Predicate[]): string {
  return predicates
    .map((p) => {
      const c = check(p);
      const col = describeColumn(c.column);
      if (c.op !== 'IN') return `${col} ${c.op} ${describeValue(c.value)}`;
      return `${col} IN (${c.value.map(describeValue).join(', ')})`;
    })
    .join(' AND ');
}
