// Each top slice in the reference data: its size and error there, in one scan, so a slice that
// was always hard is told apart from one that broke (its error now significantly above then).
import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import { predicateSql } from '../../sql/predicate.ts';
import { ident, join, sql, type Sql } from '../../sql/sql.ts';
import { MIN_JUDGED_ROWS } from '../../stats/binary-metrics.ts';
import { benjaminiHochberg, isSignificant } from '../../stats/multiple-testing.ts';
import { wilsonInterval } from '../../stats/wilson.ts';
import { twoProportionZTest } from '../../stats/z-test.ts';
import { cohortSource } from '../cohort-source.ts';
import type { Slice, SliceInReference } from './slices-result.ts';
import type { SlicesSpec } from './slices-spec.ts';
import { rowErrorSql } from './slice-row-error.ts';

/** The reference's searched rows and each slice's count and error sum there: one query. */
export function referenceCountsSql(
  spec: SlicesSpec & { reference: NonNullable<SlicesSpec['reference']> },
  slices: readonly Slice[],
): Sql {
  const e = rowErrorSql(spec.reference.outcome);
  const from = cohortSource(spec.reference.table, spec.where);
  const perSlice = slices.flatMap((s, i) => {
    const inside = predicateSql(s.predicates);
    return [
      sql`count(*) FILTER (WHERE ${inside})::DOUBLE AS ${ident(`n${i}`)}`,
      sql`coalesce(sum(${e}) FILTER (WHERE ${inside}), 0) AS ${ident(`se${i}`)}`,
    ];
  });
  return sql`SELECT ${join([sql`count(*)::DOUBLE AS n`, sql`coalesce(sum(${e}), 0) AS se`, ...perSlice])}
    FROM ${from} WHERE ${e} IS NOT NULL`;
}

/** Reads the counts: the reference's mean error and each slice's figures there, tested. */
export function readReference(
  table: Table,
  slices: readonly Slice[],
  classification: boolean,
): { meanError: number | null; inReference: SliceInReference[] } {
  const row = readRows(table)[0] ?? {};
  const num = (key: string) => Number(row[key] ?? 0);
  const n = num('n');
  const meanError = n > 0 ? num('se') / n : null;
  const measured = slices.map((s, i) => {
    const size = num(`n${i}`);
    const errorSum = num(`se${i}`);
    const judged = classification && size >= MIN_JUDGED_ROWS;
    const interval = classification && size > 0 ? wilsonInterval(Math.round(errorSum), size) : null;
    const p = judged
      ? twoProportionZTest(Math.round(errorSum), size, Math.round(s.error_sum), s.size).p
      : null;
    return { s, size, errorSum, interval, p, judged };
  });
  const qs = benjaminiHochberg(measured.map((m) => m.p));
  const inReference = measured.map(({ s, size, errorSum, interval, p, judged }, i) => {
    const error = size > 0 ? errorSum / size : null;
    const q = qs[i] ?? null;
    let history: SliceInReference['history'] = 'unknown';
    if (judged && error !== null) {
      if (isSignificant(q) === true && s.error > error) history = 'broke';
      else if (meanError !== null && (interval?.low ?? 0) > meanError) history = 'always_hard';
      else history = 'unchanged';
    }
    return {
      size,
      error,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      p,
      q,
      history,
    };
  });
  return { meanError, inReference };
}
