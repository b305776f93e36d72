// Split traffic or shadow (STATS.md "Comparing two models": shadow when both logs hold the same
// set of ids, overridable): one query counts each side's rows and ids and the ids they share.
import type { Cell } from '../../engine/arrow-columns.ts';
import { FaultlineError } from '../../errors.ts';
import { sql, type Sql } from '../../sql/sql.ts';
import type { CanaryDesign, CanaryResult } from './canary-result.ts';
import type { CanarySpec } from './canary-spec.ts';

/**
 * Over both sides' rows, by id (one hash aggregation): each side's rows with an id `b_ids`,
 * `c_ids`, its distinct ids `b_distinct`, `c_distinct`, and `shared` ids on both sides.
 */
export function designQuery(rows: Sql): Sql {
  return sql`SELECT count(*) FILTER (WHERE b > 0 AND c > 0)::DOUBLE AS shared,
      count(*) FILTER (WHERE b > 0)::DOUBLE AS b_distinct,
      count(*) FILTER (WHERE c > 0)::DOUBLE AS c_distinct,
      coalesce(sum(b), 0)::DOUBLE AS b_ids, coalesce(sum(c), 0)::DOUBLE AS c_ids
    FROM (SELECT id, count(*) FILTER (WHERE side = 0) AS b, count(*) FILTER (WHERE side = 1) AS c
      FROM ${rows} WHERE id IS NOT NULL GROUP BY id)`;
}

/** Whether designQuery is needed: a shadow asked for, or one that may be (same row counts). */
export const needsIds = (spec: CanarySpec, rows: { baseline: number; canary: number }): boolean =>
  spec.id !== null &&
  (spec.design === 'shadow' || (spec.design === 'auto' && rows.baseline === rows.canary));

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
  rows: { baseline: number; canary: number },
  facts: Record<string, Cell> | null,
): { design: CanaryDesign; reason: string; rows: CanaryResult['rows'] } {
  const { baseline: b, canary: c } = rows;
  const shared = n(facts?.shared);
  const sameSet =
    facts !== null &&
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
      : facts === null
        ? spec.design === 'auto'
          ? `the sides hold different numbers of rows (${count(b)} and ${count(c)})`
          : 'ids not compared'
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
