// One row of the drift table from what DuckDB measured: bins, PSI, JS, the tests' statistics and
// p-values, the side summaries. The q-values, verdicts and reasons are table-wide and come later.
import { chiSquareHomogeneity } from '../../stats/chi-square.ts';
import { jsDistance } from '../../stats/js-distance.ts';
import { ksEffectiveN, ksPValue, roundHalfEven } from '../../stats/kolmogorov.ts';
import { psi, psiBand, shares } from '../../stats/psi.ts';
import { twoProportionZTest } from '../../stats/z-test.ts';
import { binCategories, type Binned } from './drift-category-bins.ts';
import type { CategoryRow } from './drift-category-queries.ts';
import { SUMMARY_QUANTILES, type NumericMeasures } from './drift-numeric-measures.ts';
import { readBinCounts, readOutside } from './drift-numeric-queries.ts';
import type { DriftColumnResult, DriftSideCounts, DriftSideSummary } from './drift-result.ts';
import type { DriftSide } from './drift-source.ts';
import type { DriftColumn } from './drift-spec.ts';
import type { SideFacts } from './drift-summary-query.ts';

/** W / std_R at or above this is flagged (STATS.md "Wasserstein-1"). */
const WASSERSTEIN_DRIFT = 0.1;

const rate = (k: number, n: number): number | null => (n > 0 ? k / n : null);

function sideCounts(f: SideFacts): DriftSideCounts {
  return {
    rows: f.rows,
    n: f.n,
    nulls: f.nulls,
    invalid: f.invalid,
    missing_rate: rate(f.nulls, f.rows),
    invalid_rate: rate(f.invalid, f.rows),
  };
}

/** std_R is exactly 0 when every valid value is equal; DuckDB's running variance agrees. */
function sampleStd(f: SideFacts): number | null {
  if (f.n < 2) return null;
  return f.min === f.max ? 0 : f.std;
}

/** A quantile-binned column's bins from its edges and both sides' counts. */
function quantileBins(
  measures: NumericMeasures,
  i: number,
  edges: number[],
  currentValues: number,
): Binned {
  const referenceCounts = readBinCounts(measures.binCounts, i, 'reference', edges.length + 1);
  const currentCounts = readBinCounts(measures.binCounts, i, 'current', edges.length + 1);
  return {
    bins: {
      mode: 'quantile',
      edges,
      categories: null,
      pooled: 0,
      reference_counts: referenceCounts,
      current_counts: currentCounts,
      p: shares(referenceCounts),
      q: currentValues > 0 ? shares(currentCounts) : null,
    },
    newCategories: [],
    vanished: [],
  };
}

/**
 * The row of column `i`, with q-values null, `shifted` false, and `tests` and `reason` empty
 * until the whole table is known (drift-tests.ts, drift-reason.ts).
 */
export function columnResult(
  column: DriftColumn,
  i: number,
  f: Record<DriftSide, SideFacts>,
  measures: NumericMeasures,
  categories: ReadonlyMap<number, CategoryRow[]>,
): DriftColumnResult {
  const nR = f.reference.n;
  const nC = f.current.n;
  const numeric = column.kind === 'numeric';
  const edges = measures.edges.get(i);
  const binned = edges
    ? quantileBins(measures, i, edges, nC)
    : !numeric || measures.binnedByValue.includes(i)
      ? binCategories(categories.get(i) ?? [], numeric, nR, nC)
      : null;
  const p = binned?.bins.p ?? null;
  const q = binned?.bins.q ?? null;
  const psiValue = p && q ? psi(p, q) : null;
  const band = psiValue === null ? null : psiBand(psiValue);

  const distances = measures.ecdf.get(i);
  const d = distances?.d ?? null;
  const en = ksEffectiveN(nR, nC);
  const ks =
    numeric && nR > 0 && nC > 0 && d !== null
      ? { d, p: ksPValue(d, nR, nC), q: null, en, n: roundHalfEven(en) }
      : null;
  const stdR = sampleStd(f.reference);
  const w = ks !== null ? (distances?.w ?? null) : null;
  const normed = w !== null && stdR !== null && stdR > 0 ? w / stdR : null;
  const chi2 =
    !numeric && binned
      ? chiSquareHomogeneity(binned.bins.reference_counts, binned.bins.current_counts)
      : null;
  const outside = readOutside(measures.binCounts, i);

  const summary = (side: DriftSide): DriftSideSummary | DriftSideCounts => {
    const s = f[side];
    if (!numeric) return sideCounts(s);
    const quantiles = Object.fromEntries(
      SUMMARY_QUANTILES.map(([name, at]) => [name, measures.quantile(i, side, at)]),
    ) as Record<(typeof SUMMARY_QUANTILES)[number][0], number | null>;
    return {
      ...sideCounts(s),
      mean: s.n > 0 ? s.mean : null,
      std: sampleStd(s),
      min: s.min,
      ...quantiles,
      max: s.max,
    };
  };
  const missing = twoProportionZTest(
    f.reference.nulls,
    f.reference.rows,
    f.current.nulls,
    f.current.rows,
  );
  return {
    name: column.name,
    kind: column.kind,
    role: column.role ?? 'feature',
    psi: psiValue,
    band,
    js: p && q ? jsDistance(p, q) : null,
    ks,
    wasserstein:
      w === null
        ? null
        : {
            w,
            normed,
            std_reference: stdR,
            drift: normed === null ? null : normed >= WASSERSTEIN_DRIFT,
          },
    chi2: chi2 ? { ...chi2, q: null } : null,
    linf: !numeric && p && q ? Math.max(...p.map((pi, k) => Math.abs(pi - (q[k] ?? 0)))) : null,
    missing: {
      reference: rate(f.reference.nulls, f.reference.rows),
      current: rate(f.current.nulls, f.current.rows),
      shifted: false,
      delta: missing.delta,
      z: missing.z,
      p: missing.p,
      q: null,
    },
    invalid: {
      reference: rate(f.reference.invalid, f.reference.rows),
      current: rate(f.current.invalid, f.current.rows),
    },
    out_of_range: numeric && outside !== null && nC > 0 ? outside / nC : null,
    new_categories: binned?.newCategories ?? [],
    vanished: binned?.vanished ?? [],
    drifted: band === 'significant',
    reason: '',
    tests: [],
    constant_reference: numeric && stdR === 0,
    reference: summary('reference'),
    current: summary('current'),
    bins: binned?.bins ?? null,
  };
}
