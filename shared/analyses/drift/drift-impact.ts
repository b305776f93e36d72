// Impact of drift: how much the current data's errors concentrate in a column's bins, so drift
// that coincides with errors ranks before harmless drift. Binary outcomes: an error is a row whose
// predicted label differs from its label (STATS.md "Classification metrics (binary)").
import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import { sql, type Sql } from '../../sql/sql.ts';
import { wilsonInterval } from '../../stats/wilson.ts';
import { outcomeSql } from '../binary-outcome.ts';
import {
  binCountsByColumn,
  binIndexSql,
  binLabel,
  INVALID_BIN,
  MISSING_BIN,
} from './drift-bin-sql.ts';
import type {
  DriftColumnImpact,
  DriftColumnResult,
  DriftImpactBin,
  DriftImpactSummary,
} from './drift-result.ts';
import { sideSource } from './drift-source.ts';
import type { DriftColumn, DriftOutcome, DriftSpec } from './drift-spec.ts';

/** A bin can be a column's impact with at least max(30, 1% of the counted rows) rows. */
export const MIN_IMPACT_ROWS = 30;
export const MIN_IMPACT_SHARE_PERCENT = 1;

/** The pseudo column index whose single bin counts every counted row. */
const ALL = -1;

/**
 * Impact is measured on the inputs only: the outcome is made of the label, score and prediction
 * columns, so errors concentrate in their bins by construction, not because of drift.
 */
const hasImpact = (role: DriftColumn['role']): boolean => (role ?? 'feature') === 'feature';

/** The smallest bin that can be a column's impact, for `rows` counted rows. */
export function minImpactRows(rows: number): number {
  return Math.max(MIN_IMPACT_ROWS, Math.ceil((rows * MIN_IMPACT_SHARE_PERCENT) / 100));
}

/**
 * One scan of the current table's counted rows: per input column (`column_index`, -1 for all
 * rows) and bin (`bin`, drift-bin-sql.ts codes for missing and invalid values), rows `n` and
 * `errors`.
 */
export function impactQuery(
  spec: DriftSpec,
  outcome: DriftOutcome,
  bins: readonly (DriftColumnResult['bins'] | undefined)[],
): Sql {
  const { counted, error } = outcomeSql(outcome);
  const binned = [
    { columnIndex: ALL, bin: sql`0::INTEGER` },
    ...spec.columns.flatMap((column, i) =>
      hasImpact(column.role) ? [{ columnIndex: i, bin: binIndexSql(column, bins[i] ?? null) }] : [],
    ),
  ];
  const counts = binCountsByColumn(
    sideSource(spec, 'current'),
    binned,
    [],
    [sql`${error} AS is_error`],
    [sql`count(*)::DOUBLE AS n`, sql`count_if(is_error)::DOUBLE AS errors`],
    counted,
  );
  return sql`SELECT * FROM (${counts}) ORDER BY 1, 2`;
}

interface BinOutcome {
  rows: number;
  errors: number;
}

/** impactQuery's rows: per column index, per bin code. */
export function readImpactCounts(result: Table): Map<number, Map<number, BinOutcome>> {
  const out = new Map<number, Map<number, BinOutcome>>();
  for (const r of readRows(result)) {
    const index = Number(r.column_index);
    const bins = out.get(index) ?? new Map<number, BinOutcome>();
    bins.set(Number(r.bin), { rows: Number(r.n), errors: Number(r.errors) });
    out.set(index, bins);
  }
  return out;
}

function impactBin(
  index: number | null,
  label: string | number,
  o: BinOutcome,
  overallRate: number | null,
): DriftImpactBin {
  const errorRate = wilsonInterval(o.errors, o.rows);
  const lift =
    overallRate !== null && overallRate > 0 && errorRate.value !== null
      ? errorRate.value / overallRate
      : null;
  return { index, label, rows: o.rows, errors: o.errors, error_rate: errorRate, lift };
}

/** A column's bins with their error rates, and its impact: the largest lift among big bins. */
export function columnImpact(
  column: DriftColumnResult,
  counts: Map<number, BinOutcome>,
  overallRate: number | null,
  minRows: number,
): DriftColumnImpact | null {
  const bins = column.bins;
  if (!bins) return null;
  const size = bins.reference_counts.length;
  const none = { rows: 0, errors: 0 };
  const out = Array.from({ length: size }, (_, k) =>
    impactBin(k, binLabel(bins, k), counts.get(k) ?? none, overallRate),
  );
  for (const [code, label] of [
    [MISSING_BIN, '(missing)'],
    [INVALID_BIN, '(invalid)'],
  ] as const) {
    const o = counts.get(code);
    if (o && o.rows > 0) out.push(impactBin(null, label, o, overallRate));
  }
  let best: DriftImpactBin | null = null;
  for (const b of out) {
    if (b.rows >= minRows && b.lift !== null && (best === null || b.lift > (best.lift ?? 0))) {
      best = b;
    }
  }
  return {
    lift: best?.lift ?? null,
    bin: best?.label ?? null,
    index: best?.index ?? null,
    bins: out,
  };
}

/** Impact of every column (by index) and the overall error rate. */
export async function driftImpact(
  run: (q: Sql) => Promise<Table>,
  spec: DriftSpec,
  outcome: DriftOutcome,
  columns: readonly DriftColumnResult[],
): Promise<{ impact: DriftImpactSummary; columns: (DriftColumnImpact | null)[] }> {
  const counts = readImpactCounts(
    await run(
      impactQuery(
        spec,
        outcome,
        columns.map((c) => c.bins),
      ),
    ),
  );
  const overall = counts.get(ALL)?.get(0) ?? { rows: 0, errors: 0 };
  const errorRate = wilsonInterval(overall.errors, overall.rows);
  const minRows = minImpactRows(overall.rows);
  return {
    impact: {
      label: outcome.label,
      prediction: outcome.prediction,
      score: outcome.prediction === null ? outcome.score : null,
      threshold: outcome.prediction === null ? outcome.threshold : null,
      rows: overall.rows,
      errors: overall.errors,
      error_rate: errorRate,
      min_bin_rows: minRows,
    },
    columns: columns.map((c, i) =>
      hasImpact(c.role)
        ? columnImpact(c, counts.get(i) ?? new Map(), errorRate.value, minRows)
        : null,
    ),
  };
}

const bandOrder = { significant: 0, moderate: 1, stable: 2 } as const;

/**
 * The view's order: by band (significant first), then by impact (largest lift first), then PSI;
 * a drift that coincides with errors comes before one that drifted harmlessly.
 */
export function rankDriftColumns(columns: readonly DriftColumnResult[]): DriftColumnResult[] {
  const band = (c: DriftColumnResult) => (c.band === null ? 3 : bandOrder[c.band]);
  const desc = (a: number | null | undefined, b: number | null | undefined) =>
    (b ?? -Infinity) - (a ?? -Infinity) || 0;
  return [...columns].sort(
    (a, b) => band(a) - band(b) || desc(a.impact?.lift, b.impact?.lift) || desc(a.psi, b.psi),
  );
}
