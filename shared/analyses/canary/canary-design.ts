// Split traffic or shadow (STATS.md "Comparing two models": shadow when both logs hold the same
// set of ids, overridable): one query counts each side's rows and ids and the ids they share.
import type { Cell } from '../../engine/arrow-columns.ts';
import { FaultlineError } from '../../errors.ts';
import { raw, sql, type Sql } from '../../sql/sql.ts';
import type { CanaryDesign, CanaryResult } from './canary-result.ts';
import type { CanarySpec } from './canary-spec.ts';

/**
 * Over both sides' rows: `b_rows`, `c_rows`; with ids, each side's non-null `b_ids`/`c_ids`,
 * distinct `b_distinct`/`c_distinct`, and `shared` distinct ids on both sides.
 */
export function designQuery(rows: Sql, withIds: boolean): Sql {
  const ids = withIds
    ? raw(`, count(id) FILTER (WHERE side = 0)::DOUBLE AS b_ids,
        count(id) FILTER (WHERE side = 1)::DOUBLE AS c_ids,
        count(DISTINCT id) FILTER (WHERE side = 0)::DOUBLE AS b_distinct,
        count(DISTINCT id) FILTER (WHERE side = 1)::DOUBLE AS c_distinct,
        (SELECT count(*) FROM (SELECT id FROM r WHERE side = 0 INTERSECT SELECT id FROM r WHERE side = 1))::DOUBLE AS shared`)
    : raw('');
  return sql`WITH r AS MATERIALIZED (SELECT side, id FROM ${rows})
    SELECT count(*) FILTER (WHERE side = 0)::DOUBLE AS b_rows,
      count(*) FILTER (WHERE side = 1)::DOUBLE AS c_rows ${ids}
    FROM r`;
}

/** The rows of both sides whose id the other side has too: what a shadow comparison judges. */
export function sharedIdRowsSql(rows: Sql): Sql {
  return sql`(SELECT * FROM ${rows} WHERE id IN (
    SELECT id FROM ${rows} WHERE side = 0 INTERSECT SELECT id FROM ${rows} WHERE side = 1))`;
}

const n = (v: Cell | undefined) => (typeof v === 'number' ? v : 0);
const count = (x: number) => x.toLocaleString('en-US');

/** The design used and why, and each side's rows, from designQuery's row. */
export function designOf(
  spec: CanarySpec,
  facts: Record<string, Cell>,
): { design: CanaryDesign; reason: string; rows: CanaryResult['rows'] } {
  const b = n(facts.b_rows);
  const c = n(facts.c_rows);
  const shared = n(facts.shared);
  const sameSet =
    spec.id !== null &&
    shared > 0 &&
    [facts.b_ids, facts.b_distinct, facts.c_ids, facts.c_distinct].every((v) => n(v) === shared) &&
    b === shared &&
    c === shared;
  const design = spec.design === 'auto' ? (sameSet ? 'shadow' : 'split') : spec.design;
  if (design === 'shadow' && shared === 0) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `canary: a shadow comparison joins the sides by '${spec.id ?? 'id'}', but they share no id`,
    });
  }
  const idWords =
    spec.id === null
      ? 'no id column'
      : sameSet
        ? `both sides hold the same ${count(shared)} ids ('${spec.id}')`
        : `the sides share ${count(shared)} of their ids ('${spec.id}')`;
  const reason =
    spec.design === 'auto'
      ? design === 'shadow'
        ? `${idWords}: both models scored the same rows (shadow; paired tests)`
        : `${idWords}: different rows (split traffic; unpaired tests)`
      : `asked for ${design === 'shadow' ? 'shadow (paired tests on the shared ids)' : 'split traffic (unpaired tests)'}; ${idWords}`;
  return {
    design,
    reason,
    rows: { baseline: b, canary: c, joined: design === 'shadow' ? shared : null },
  };
}
