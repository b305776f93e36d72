// Both sides' rows as one relation with the few fields every canary query reads: which side, the
// binary outcome, the score, latency and success, the segment keys, the window and the id. One
// log split by its model column is read once; two files are read one after the other.
import { ident, join, raw, sql, table, type Sql } from '../../sql/sql.ts';
import { outcomeSql } from '../binary-outcome.ts';
import { cohortSource } from '../cohort-source.ts';
import { classValueSql } from '../row-outcome.ts';
import { finiteNumberSql } from '../valid-value.ts';
import { windowTruncSql, type WindowUnit } from '../windows.ts';
import type { CanarySpec } from './canary-spec.ts';
import { successSql } from './canary-success.ts';

/** Aliases of the segment keys: by index, never a user's name. */
export const segmentKey = (i: number): Sql => ident(`k_${i}`);

/**
 * Per row: `side` (0 baseline, 1 canary), `y` and `yhat` (binary 1/0, NULL unless both are known),
 * `c` (1 when the prediction is right, 0 wrong, NULL unjudged; multiclass too), `s` (a finite
 * score of a counted row), `lat` (a finite latency), `ok` (1/0 success, NULL unknown),
 * `k_0`… (segment values), `w` (window start, with `unit`) and `id`.
 */
function fieldsSql(spec: CanarySpec, unit: WindowUnit | null): Sql[] {
  const fields: Sql[] = [];
  if (spec.outcome !== null) {
    const o = outcomeSql(spec.outcome);
    const score =
      spec.outcome.score === null ? raw('NULL::DOUBLE') : finiteNumberSql(spec.outcome.score);
    fields.push(
      sql`CASE WHEN ${o.counted} THEN ${o.actual}::INTEGER END AS y`,
      sql`CASE WHEN ${o.counted} THEN ${o.predicted}::INTEGER END AS yhat`,
      sql`CASE WHEN ${o.counted} THEN ${score} END AS s`,
      sql`CASE WHEN ${o.counted} THEN (NOT ${o.error})::INTEGER END AS c`,
    );
  } else {
    fields.push(raw('NULL::INTEGER AS y'), raw('NULL::INTEGER AS yhat'), raw('NULL::DOUBLE AS s'));
    const m = spec.multiclass;
    fields.push(
      m === null
        ? raw('NULL::INTEGER AS c')
        : sql`CASE WHEN ${ident(m.label)} IS NOT NULL AND ${ident(m.prediction)} IS NOT NULL
            THEN (${classValueSql(m, m.label)} = ${classValueSql(m, m.prediction)})::INTEGER END AS c`,
    );
  }
  fields.push(
    spec.latency === null
      ? raw('NULL::DOUBLE AS lat')
      : sql`${finiteNumberSql(spec.latency)} AS lat`,
    spec.success === null
      ? raw('NULL::INTEGER AS ok')
      : sql`(${successSql(spec.success.column, spec.success.rule)})::INTEGER AS ok`,
    ...spec.segments.map((s, i) => {
      const c = ident(s.name);
      return sql`${s.asText ? sql`${c}::VARCHAR` : c} AS ${segmentKey(i)}`;
    }),
    unit !== null && spec.time !== null
      ? sql`${windowTruncSql(spec.time, unit)} AS w`
      : raw('NULL::TIMESTAMP AS w'),
    spec.id === null ? raw('NULL::VARCHAR AS id') : sql`${ident(spec.id)} AS id`,
  );
  return fields;
}

/** The rows of both sides as a subquery (a FROM item), the cohort filter applied to each. */
export function canaryRowsSql(spec: CanarySpec, unit: WindowUnit | null = null): Sql {
  const fields = join(fieldsSql(spec, unit));
  const { source } = spec;
  if (source.kind === 'model_column') {
    const model = sql`${ident(source.column)}::VARCHAR`;
    return sql`(SELECT CASE WHEN ${model} = ${source.baseline} THEN 0 ELSE 1 END AS side, ${fields}
      FROM ${cohortSource(source.table, spec.where)}
      WHERE ${model} IN (${source.baseline}, ${source.canary}))`;
  }
  return sql`(SELECT 0 AS side, ${fields} FROM ${cohortSource(source.baselineTable, spec.where)}
    UNION ALL
    SELECT 1 AS side, ${fields} FROM ${cohortSource(source.canaryTable, spec.where)})`;
}

/** One side's rows as a FROM item over its own columns (for the population check). */
export function sideRowsSql(spec: CanarySpec, side: 0 | 1): Sql {
  const { source } = spec;
  if (source.kind === 'files') {
    return cohortSource(side === 0 ? source.baselineTable : source.canaryTable, spec.where);
  }
  const version = side === 0 ? source.baseline : source.canary;
  return sql`(SELECT * FROM ${cohortSource(source.table, spec.where)}
    WHERE ${ident(source.column)}::VARCHAR = ${version})`;
}

/** The versions a model column holds, as text, in order (21 at most: enough to say "…"). */
export function modelVersionsQuery(tableName: string, column: string): Sql {
  return sql`SELECT DISTINCT ${ident(column)}::VARCHAR AS v FROM ${table(tableName)}
    WHERE ${ident(column)} IS NOT NULL ORDER BY v LIMIT 21`;
}
