import type {
  DriftColumnResult,
  DriftImpactSummary,
} from '../../../shared/analyses/drift/drift-result.ts';

/**
 * Whether a column's drift coincides with the model's errors. `harmful`: it moved (band moderate
 * or significant) and in some bin big enough to judge (impact's min_bin_rows) the error rate is
 * above the overall rate beyond doubt — the bin's Wilson interval lies wholly above it.
 * `harmless`: it moved and no bin is clearly worse. Null for a stable column, or when there is
 * no impact to judge by (no label).
 */
export type DriftHarm = 'harmful' | 'harmless' | null;

export function driftHarm(
  column: Pick<DriftColumnResult, 'band' | 'impact'>,
  impact: DriftImpactSummary | undefined,
): DriftHarm {
  if (column.band === null || column.band === 'stable') return null;
  const overall = impact?.error_rate.value;
  if (impact === undefined || overall === null || overall === undefined) return null;
  if (column.impact === undefined || column.impact === null) return null;
  const clearlyWorse = column.impact.bins.some(
    (b) => b.rows >= impact.min_bin_rows && b.error_rate.low !== null && b.error_rate.low > overall,
  );
  return clearlyWorse ? 'harmful' : 'harmless';
}
