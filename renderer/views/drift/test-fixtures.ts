import type { DriftColumnResult } from '../../../shared/analyses/drift/drift-result.ts';
import type { PsiBand } from '../../../shared/stats/psi.ts';

/** A drift row with only what a test sets; everything else empty, as for a column with no data. */
export function driftColumn(
  name: string,
  band: PsiBand | null,
  fields: Partial<DriftColumnResult> = {},
): DriftColumnResult {
  const side = { rows: 0, n: 0, nulls: 0, invalid: 0, missing_rate: null, invalid_rate: null };
  return {
    name,
    kind: 'numeric',
    role: 'feature',
    psi: null,
    band,
    js: null,
    ks: null,
    wasserstein: null,
    chi2: null,
    linf: null,
    missing: {
      reference: null,
      current: null,
      shifted: false,
      delta: null,
      z: null,
      p: null,
      q: null,
    },
    invalid: { reference: null, current: null },
    out_of_range: null,
    new_categories: [],
    vanished: [],
    drifted: band === 'significant',
    constant_reference: false,
    reference: side,
    current: side,
    bins: null,
    tests: [],
    reason: '',
    ...fields,
  };
}

/** A KS result with only its q set, for sorting by evidence. */
export const ksWithQ = (q: number) => ({ d: 0, p: q, q, en: 0, n: 0 });
