// SliceLine's lattice in DuckDB SQL (Sagadeeva & Boehm, SIGMOD 2021). A slice is the sorted list
// of its items (slice-items.ts) with the list of their features; the rows are an encoded table
// with one item column per feature (0: a value in no valid slice), each row a group of the log's
// rows with its count `w`, error sum `se` and largest error `sm`. Level L's candidates join two valid
// slices of level L-1 that share their first L-2 items, keep those whose every (L-1)-subset is a
// valid slice (the missing-parents rule), and take their parents' smallest size, error sum and
// largest error as upper bounds; a candidate whose score bound cannot reach the top k is pruned.
import { ident, join, raw, sql, type Sql } from '../../sql/sql.ts';
import { intSql } from '../quantile-bins.ts';

/** The search's constants, bound into the bounds and scores. */
export interface SliceScoring {
  n: number;
  meanError: number;
  alpha: number;
  minSupport: number;
}

const c = (i: number): Sql => ident(`c${i}`);

/** The narrowest unsigned type that holds item ids up to `items` (perfect hashing needs it). */
const itemType = (items: number): Sql =>
  raw(items <= 0xff ? 'UTINYINT' : items <= 0xffff ? 'USMALLINT' : 'UINTEGER');

/**
 * The searched rows encoded, one item column per feature that has valid items, and grouped: a
 * row per distinct combination of items, with its count `w`, error sum `se` and largest error
 * `sm` (grouping small integers holds far less than grouping the values themselves).
 */
export function encodedTableSql(name: Sql, rows: Sql, codes: readonly Sql[], items: number): Sql {
  const columns = codes.map((code, i) => sql`(${code})::${itemType(items)} AS ${c(i)}`);
  return sql`CREATE TEMP TABLE ${name} AS
    SELECT ${join(codes.map((_, i) => c(i)))}, count(*)::DOUBLE AS w, sum(e) AS se, max(e) AS sm
    FROM (SELECT ${join(columns)}, e FROM ${rows})
    GROUP BY ALL`;
}

/** The lattice's table of evaluated slices. */
export const latticeTableSql = (name: Sql): Sql =>
  sql`CREATE TEMP TABLE ${name} (level INTEGER, items INTEGER[], feats INTEGER[],
    ss DOUBLE, se DOUBLE, sm DOUBLE)`;

/** STATS.md's score of slices of size `s` and error sum `e` (SQL expressions). */
export function scoreSql(s: Sql, e: Sql, k: SliceScoring): Sql {
  return sql`(${k.alpha} * ((${e} / ${s}) / ${k.meanError} - 1) - (1 - ${k.alpha}) * (${k.n} / ${s} - 1))`;
}

/**
 * SliceLine's upper bound of the score of a slice and of every slice inside it, from a size bound
 * `ss`, an error-sum bound `se` and a bound on one row's error `sm`: the score is monotone between
 * the points min support, se/sm and ss, where at most min(se, sm·s) error fits in s rows.
 */
function upperBoundSql(ss: Sql, se: Sql, sm: Sql, k: SliceScoring): Sql {
  const at = (s: Sql) => scoreSql(s, sql`least(${se}, ${sm} * ${s})`, k);
  const minSupport = sql`${k.minSupport}::DOUBLE`;
  const turn = sql`least(greatest(${se} / ${sm}, ${minSupport}), ${ss})`;
  return sql`greatest(${at(minSupport)}, ${at(turn)}, ${at(ss)})`;
}

/**
 * Every candidate of `level` the join makes from the valid slices of the level below in
 * `lattice`, with its parents' bounds; `keep` is true for those with all their parents whose
 * bound can still reach `floor` (the k-th best score so far, or 0).
 */
export function candidatesSql(
  name: Sql,
  lattice: Sql,
  level: number,
  k: SliceScoring,
  floor: number,
): Sql {
  const p = level - 1;
  return sql`CREATE TEMP TABLE ${name} AS
    WITH valid AS (
      SELECT items, feats, ss, se, sm FROM ${lattice}
      WHERE level = ${intSql(p)} AND ss >= ${k.minSupport} AND se > 0
    ),
    pairs AS (
      SELECT list_append(a.items, b.items[${intSql(p)}]) AS items,
        list_append(a.feats, b.feats[${intSql(p)}]) AS feats
      FROM valid a JOIN valid b ON a.items[1:${intSql(p - 1)}] = b.items[1:${intSql(p - 1)}]
      WHERE a.feats[${intSql(p)}] < b.feats[${intSql(p)}]
    ),
    parents AS (
      SELECT c.items, c.feats, count(v.items) AS parents,
        min(v.ss) AS ss, min(v.se) AS se, min(v.sm) AS sm
      FROM pairs c CROSS JOIN range(1, ${intSql(level + 1)}) r(j)
      LEFT JOIN valid v ON v.items = list_concat(c.items[1:j - 1], c.items[j + 1:${intSql(level)}])
      GROUP BY c.items, c.feats
    )
    SELECT items, feats, ss, se, sm,
      coalesce(parents = ${intSql(level)} AND ss >= ${k.minSupport} AND se > 0
        AND ${upperBoundSql(sql`ss`, sql`se`, sql`sm`, k)} >= ${floor}, false) AS keep
    FROM parents`;
}

/**
 * Per feature list of the candidates, the encoded rows grouped by those features' item columns:
 * `items` and the aggregates. One GROUP BY per list, not GROUPING SETS: on small integer columns
 * DuckDB groups by perfect hashing (measured ~10x faster than GROUPING SETS here).
 */
function perFeatureListSql(
  encoded: Sql,
  featureSets: readonly (readonly number[])[],
  column: (f: number) => number,
  aggregates: Sql,
): Sql {
  return join(
    featureSets.map((fs) => {
      const cols = join(fs.map((f) => c(column(f))));
      return sql`SELECT [${cols}]::INTEGER[] AS items, ${aggregates} FROM ${encoded} GROUP BY ${cols}`;
    }),
    ' UNION ALL ',
  );
}

/** The encoded rows with some error: far fewer than all rows when the model is mostly right. */
export const erringRowsSql = (name: Sql, encoded: Sql): Sql =>
  sql`CREATE TEMP TABLE ${name} AS SELECT * FROM ${encoded} WHERE se > 0`;

/**
 * Exact error sums and largest errors of the candidates, from the erring rows (erringRowsSql);
 * candidates whose bound, now from their own error, cannot reach `floor` are dropped. Returns
 * the survivors' items.
 */
export function errorPassSql(
  candidates: Sql,
  erring: Sql,
  featureSets: readonly (readonly number[])[],
  column: (f: number) => number,
  k: SliceScoring,
  floor: number,
): Sql {
  return sql`SELECT cand.items, cand.feats, cand.ss AS ss_bound, g.se, g.sm
    FROM ${candidates} cand JOIN (
      ${perFeatureListSql(erring, featureSets, column, sql`sum(se) AS se, max(sm) AS sm`)}
    ) g ON g.items = cand.items
    WHERE cand.keep AND ${upperBoundSql(sql`cand.ss`, sql`g.se`, sql`g.sm`, k)} >= ${floor}`;
}

/**
 * Evaluates the candidates the error pass kept: their sizes from all encoded rows, stored in the
 * lattice at `level`.
 */
export function sizePassSql(
  lattice: Sql,
  survivors: Sql,
  encoded: Sql,
  featureSets: readonly (readonly number[])[],
  column: (f: number) => number,
  level: number,
): Sql {
  return sql`INSERT INTO ${lattice}
    SELECT ${intSql(level)}, s.items, s.feats, g.ss, s.se, s.sm
    FROM (${survivors}) s JOIN (
      ${perFeatureListSql(encoded, featureSets, column, sql`sum(w) AS ss`)}
    ) g ON g.items = s.items`;
}

/** The k-th best score of the qualifying slices so far (none: no row). */
export function kthScoreSql(lattice: Sql, k: SliceScoring, rank: number): Sql {
  return sql`SELECT ${scoreSql(sql`ss`, sql`se`, k)} AS score FROM ${lattice}
    WHERE ss >= ${k.minSupport} AND ${scoreSql(sql`ss`, sql`se`, k)} > 0
    ORDER BY score DESC LIMIT 1 OFFSET ${intSql(rank - 1)}`;
}

/** The qualifying slices scoring at least `floor`, best first (ties are ordered in JS). */
export function topSlicesSql(lattice: Sql, k: SliceScoring, floor: number): Sql {
  return sql`SELECT level, array_to_string(items, ',') AS items, ss, se FROM ${lattice}
    WHERE ss >= ${k.minSupport} AND ${scoreSql(sql`ss`, sql`se`, k)} > 0
      AND ${scoreSql(sql`ss`, sql`se`, k)} >= ${floor}
    ORDER BY ${scoreSql(sql`ss`, sql`se`, k)} DESC`;
}
