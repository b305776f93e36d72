import { loadReference } from './reference.ts';

/** One case of ../shared/reference/numeric_drift.json (the fields the tests read). */
export interface NumericDriftCase {
  name: string;
  inputs: { reference: unknown[]; current: unknown[] };
  expected: {
    reference: Record<string, number | null>;
    current: Record<string, number | null>;
    binning: {
      mode: 'quantile' | 'categorical';
      edges_before_dedup?: number[];
      edges?: number[];
      categories?: number[];
      reference_counts: number[];
      current_counts: number[];
      p: number[];
      q: number[];
    };
    psi: number;
    band: string;
    js: number;
    ks: { d: number; en: number; n: number; p: number };
    wasserstein: {
      w: number;
      std_reference: number;
      normed: number | null;
      drift: boolean | null;
    };
    constant_reference: boolean;
    out_of_range: number;
  };
}

/** The numeric drift reference cases, computed independently (numpy, scipy). */
export const numericDriftCases = (): NumericDriftCase[] =>
  loadReference<{ cases: NumericDriftCase[] }>('numeric_drift.json').cases;
