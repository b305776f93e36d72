// Verdict and score of a set of checks (STATS.md "Comparing two models": score = 100 · passed /
// scored; a failed critical check fails outright; an invalid population stands above all), the
// checks ordered failures first, and each segment's tally.
import type { CanaryCheck, CanaryJudgement, CanaryResult } from './canary-result.ts';

/** STATS.md's score bands. */
const PASS_SCORE = 95;
const MARGINAL_SCORE = 75;

const failedCritical = (c: CanaryCheck) => c.critical && c.passed === false;

/** Failed critical checks first, then the other failures, then the rest, each in their order. */
export function orderChecks(checks: readonly CanaryCheck[]): CanaryCheck[] {
  const rank = (c: CanaryCheck) => (failedCritical(c) ? 0 : c.passed === false ? 1 : 2);
  return checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * The verdict of ordered checks; `invalid` names the population's differing features (empty when
 * the populations match). Nothing scored (every segment too small) cannot pass: INVALID.
 */
export function judge(
  ordered: readonly CanaryCheck[],
  invalid: readonly string[],
): CanaryJudgement {
  const scored = ordered.filter((c) => c.passed !== null);
  const passed = scored.filter((c) => c.passed === true).length;
  const score = scored.length === 0 ? null : (100 * passed) / scored.length;
  const failing = ordered.filter((c) => c.passed === false).map((c) => c.reason);
  const verdict =
    invalid.length > 0 || score === null
      ? 'INVALID'
      : ordered.some(failedCritical)
        ? 'FAIL'
        : score >= PASS_SCORE
          ? 'PASS'
          : score >= MARGINAL_SCORE
            ? 'MARGINAL'
            : 'FAIL';
  const why =
    invalid.length > 0
      ? [
          `the two populations differ (PSI >= the guardrail) on ${invalid.join(', ')}: the canary did not see the baseline's traffic`,
        ]
      : score === null
        ? ['no check could be judged: every segment is too small']
        : [];
  return { verdict, score, scored: scored.length, passed, failing: [...why, ...failing] };
}

/** Per segment name: scored and passed checks, the failing metrics, and whether it was too small. */
export function perSegment(checks: readonly CanaryCheck[]): CanaryResult['per_segment'] {
  const out: CanaryResult['per_segment'] = {};
  for (const c of checks) {
    const s = (out[c.segment.name] ??= { scored: 0, passed: 0, failing: [], too_small: true });
    s.too_small &&= c.too_small;
    if (c.passed === null) continue;
    s.scored++;
    if (c.passed) s.passed++;
    else s.failing.push(c.metric);
  }
  return out;
}
