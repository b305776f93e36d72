import { describe, expect, it } from 'vitest';
import { driftReason, formatShare } from './drift-reason.ts';
import type { DriftColumnResult, DriftSideCounts } from './drift-result.ts';

const side = (fields: Partial<DriftSideCounts> = {}): DriftSideCounts => ({
  rows: 100,
  n: 100,
  nulls: 0,
  invalid: 0,
  missing_rate: 0,
  invalid_rate: 0,
  ...fields,
});

const ks = (d: number, q: number) => ({ d, p: q, q, en: 50, n: 50 });

/** A stable numeric row with no missing values; each case sets what it is about. */
function row(fields: Partial<DriftColumnResult>): DriftColumnResult {
  return {
    name: 'x',
    kind: 'numeric',
    role: 'feature',
    psi: 0.001,
    band: 'stable',
    js: 0.01,
    ks: ks(0.011, 0.42),
    wasserstein: null,
    chi2: null,
    linf: null,
    missing: {
      reference: 0,
      current: 0,
      shifted: false,
      delta: 0,
      z: null,
      p: null,
      q: null,
    },
    invalid: { reference: 0, current: 0 },
    out_of_range: 0,
    new_categories: [],
    vanished: [],
    drifted: false,
    reason: '',
    tests: [],
    constant_reference: false,
    reference: side(),
    current: side(),
    bins: null,
    ...fields,
  };
}

const missing = (reference: number, current: number, q: number, shifted = false) => ({
  reference,
  current,
  shifted,
  delta: current - reference,
  z: 1,
  p: q,
  q,
});

describe('driftReason', () => {
  it('a drifted column: the PSI against its threshold, the test, the out-of-range share', () => {
    const c = row({
      psi: 0.6609,
      band: 'significant',
      drifted: true,
      ks: ks(0.36808, 0),
      out_of_range: 0.186,
    });
    expect(driftReason(c)).toBe(
      'drifted: PSI 0.661 ≥ 0.2 (significant); KS D = 0.368, q < 1e-16; ' +
        '18.6% of current values outside the reference range',
    );
    expect(driftReason({ ...c, since: '2026-10-05' })).toMatch(
      /^drifted since 2026-10-05: PSI 0.661 /,
    );
  });

  it('a stable column: below the threshold and no test significant', () => {
    expect(driftReason(row({}))).toBe(
      'stable: PSI 0.001 < 0.1; KS D = 0.011, q = 0.420 — not significant',
    );
  });

  it('a significant test beside a small PSI, and a drifted column whose test is not', () => {
    expect(driftReason(row({ ks: ks(0.018, 0.022) }))).toBe(
      'stable: PSI 0.001 < 0.1; KS D = 0.018, q = 0.022 — significant, but small by PSI',
    );
    const drifted = row({ psi: 0.25, band: 'significant', drifted: true, ks: ks(0.5, 0.3) });
    expect(driftReason(drifted)).toBe(
      'drifted: PSI 0.250 ≥ 0.2 (significant); KS D = 0.500, q = 0.300 — not significant',
    );
  });

  it('a moderate categorical column with new and vanished values', () => {
    const value = (v: string, share: number) => ({ value: v, count: 1, share });
    const c = row({
      kind: 'categorical',
      psi: 0.15,
      band: 'moderate',
      ks: null,
      chi2: { stat: 1234.5, dof: 8, p: 1e-9, q: 3e-9 },
      new_categories: [
        value('crypto', 0.041),
        value('gems', 0.0004),
        value('x', 0.01),
        value('y', 0.01),
      ],
      vanished: [value('cash', 0.02)],
    });
    expect(driftReason(c)).toBe(
      'moderate: PSI 0.150 ≥ 0.1 but < 0.2, not drifted; ' +
        'chi² = 1235 (dof 8), q = 3e-9 — significant, but small by PSI; ' +
        'new in current: crypto (4.1%), gems (<0.1%), x (1.0%), +1 more; ' +
        'gone from current: cash (2.0%)',
    );
  });

  it('a flagged missing-rate shift comes first, with its onset', () => {
    const c = row({
      ks: ks(0.012, 0.332),
      missing: { ...missing(0, 0.087, 1e-200, true), since: '2026-10-12' },
    });
    expect(driftReason(c)).toBe(
      'missing rate up 8.7 points since 2026-10-12 (0% → 8.7%, q < 1e-16); ' +
        'values stable: PSI 0.001 < 0.1; KS D = 0.012, q = 0.332 — not significant',
    );
  });

  it('a missing-rate change that is not flagged says why not', () => {
    expect(driftReason(row({ missing: missing(0, 0.05, 0.12) }))).toMatch(
      /; missing rate up 5.0 points \(0% → 5.0%\), but q = 0.120 — not significant$/,
    );
    expect(driftReason(row({ missing: missing(0, 0.04, 0.001) }))).toMatch(
      /; missing rate up 4.0 points \(0% → 4.0%, q = 0.001\), under the 5-point threshold$/,
    );
    expect(driftReason(row({ missing: missing(0.1, 0.02, 0.003) }))).toMatch(
      /; missing rate down 8.0 points \(10.0% → 2.0%, q = 0.003\)$/,
    );
    // Neither 5 points nor significant: not worth a word.
    expect(driftReason(row({ missing: missing(0, 0.01, 0.4) }))).not.toMatch(/missing/);
  });

  it('all null on one side: not compared, and the missing rate says so', () => {
    const c = row({
      psi: null,
      band: null,
      js: null,
      ks: null,
      out_of_range: null,
      missing: missing(0, 1, 1e-30, true),
      current: side({ n: 0, nulls: 100, missing_rate: 1 }),
    });
    expect(driftReason(c)).toBe(
      'missing rate up 100.0 points (0% → 100.0%, q < 1e-16); ' +
        'not compared: all null in the current data',
    );
  });

  it('no valid values, or no rows, on a side', () => {
    const nothing = { psi: null, band: null, ks: null };
    expect(driftReason(row({ ...nothing, reference: side({ n: 0, nulls: 1, invalid: 99 }) }))).toBe(
      'not compared: no valid values in the reference data (1 null, 99 not finite)',
    );
    expect(
      driftReason(
        row({
          ...nothing,
          reference: side({ rows: 0, n: 0 }),
          current: side({ rows: 0, n: 0 }),
        }),
      ),
    ).toBe('not compared: no rows in the reference data and no rows in the current data');
  });

  it('a constant reference and invalid values are named', () => {
    const c = row({
      constant_reference: true,
      reference: {
        ...side(),
        mean: 5,
        std: 0,
        min: 5,
        p01: 5,
        p05: 5,
        p50: 5,
        p95: 5,
        p99: 5,
        max: 5,
      },
      invalid: { reference: 0, current: 0.2 },
    });
    expect(driftReason(c)).toMatch(
      /; constant in the reference \(every valid value is 5\); 20.0% of current rows not finite \(counted invalid\)$/,
    );
  });
});

describe('formatShare', () => {
  it('rounds to a tenth of a percent, with a bound for tiny shares', () => {
    expect([0, 0.0004, 0.001, 0.186, 1, null].map(formatShare)).toEqual([
      '0%',
      '<0.1%',
      '0.1%',
      '18.6%',
      '100.0%',
      '-',
    ]);
  });
});
