// The table-wide part of the verdicts (STATS.md "Many tests at once"): BH q-values, the
// missing-rate shift that needs them, and each row's list of tests.
import { benjaminiHochberg, isSignificant } from '../../stats/multiple-testing.ts';
import { isMissingRise } from './drift-missing.ts';
import type { DriftColumnResult, DriftTest } from './drift-result.ts';

const sizes = (r: DriftColumnResult) => `${r.reference.n} vs ${r.current.n} valid values`;

/** A row's tests with their p and q, once q is set. */
function testsOf(r: DriftColumnResult): DriftTest[] {
  const tests: DriftTest[] = [];
  if (r.ks && r.ks.q !== null) {
    tests.push({
      name: 'ks',
      statistic: r.ks.d,
      p: r.ks.p,
      q: r.ks.q,
      why: `numeric: exact two-sample Kolmogorov-Smirnov on ${sizes(r)}`,
    });
  }
  if (r.chi2 && r.chi2.q !== null) {
    tests.push({
      name: 'chi2',
      statistic: r.chi2.stat,
      p: r.chi2.p,
      q: r.chi2.q,
      why: `categorical: chi-square homogeneity, ${r.chi2.dof + 1} categories, on ${sizes(r)}`,
    });
  }
  const m = r.missing;
  if (m.z !== null && m.p !== null && m.q !== null) {
    tests.push({
      name: 'missing_z',
      statistic: m.z,
      p: m.p,
      q: m.q,
      why:
        `missing rate: pooled two-proportion z-test on ${r.reference.nulls} of ` +
        `${r.reference.rows} vs ${r.current.nulls} of ${r.current.rows} rows null`,
    });
  }
  return tests;
}

/**
 * Fills the table-wide fields of the rows: the q-values, `missing.shifted` and `tests`. One BH
 * family for the distribution tests (KS or chi-square, one per row), one for the missing-rate
 * z-tests: each is a table of its own.
 */
export function applySignificance(rows: readonly DriftColumnResult[]): void {
  const testQ = benjaminiHochberg(rows.map((r) => r.ks?.p ?? r.chi2?.p ?? null));
  const missingQ = benjaminiHochberg(rows.map((r) => r.missing.p));
  rows.forEach((r, i) => {
    const q = testQ[i] ?? null;
    if (r.ks) r.ks.q = q;
    if (r.chi2) r.chi2.q = q;
    const mq = missingQ[i] ?? null;
    r.missing.q = mq;
    r.missing.shifted = isMissingRise(r.missing.delta) && isSignificant(mq) === true;
    r.tests = testsOf(r);
  });
}
