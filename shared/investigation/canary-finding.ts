// The canary finding: the comparison's verdict, with the check that decided it (rules in
// findings.ts). A PASS is said plainly, as a low finding.
import type { CanaryCheck, CanaryResult } from '../analyses/canary/canary-result.ts';
import { checkReason, metricName } from '../analyses/canary/canary-words.ts';
import type { Finding, Severity } from './finding.ts';
import {
  countText,
  denominatorText,
  psiText,
  valuePair,
  whoText,
  type PositiveWords,
} from './finding-words.ts';

const severities: Record<CanaryResult['verdict'], Severity> = {
  FAIL: 'critical',
  INVALID: 'critical',
  MARGINAL: 'high',
  PASS: 'low',
};

/** "Canary model_version v2 … against v1", or the canary and the baseline logs. */
function sidesText(r: CanaryResult): { canary: string; baseline: string } {
  if (r.source.kind === 'model_column') {
    return { canary: `${r.source.column} ${r.source.canary}`, baseline: r.source.baseline };
  }
  return { canary: 'the canary log', baseline: 'the baseline log' };
}

const PROPORTIONS: ReadonlySet<string> = new Set([
  'recall',
  'precision',
  'accuracy',
  'success_rate',
]);

/** A failed check in words: "recall fell from 0.70 to 0.21 for card_type = prepaid (28 frauds)". */
function checkText(c: CanaryCheck, words: PositiveWords | null): string {
  const trials = c.counts?.canary[1];
  if (
    c.baseline === null ||
    c.canary === null ||
    !(PROPORTIONS.has(c.metric) || c.metric === 'auc')
  ) {
    return checkReason(c);
  }
  const [b, v] = valuePair(c.baseline, c.canary);
  const who = c.segment.predicates.length === 0 ? 'overall' : `for ${c.segment.name}`;
  const count =
    PROPORTIONS.has(c.metric) && trials !== undefined
      ? ` (${c.metric === 'success_rate' ? `${countText(trials)} requests` : denominatorText(c.metric, trials, words)} in the canary)`
      : '';
  return `${metricName(c.metric)} ${c.canary < c.baseline ? 'fell' : 'rose'} from ${b} to ${v} ${who}${count}`;
}

/** The canary's verdict as a finding: FAIL or INVALID critical, MARGINAL high, PASS low. */
export function canaryFinding(r: CanaryResult | null, words: PositiveWords | null): Finding | null {
  if (r === null) return null;
  const { canary, baseline } = sidesText(r);
  const failed = r.checks.find((c) => c.passed === false) ?? null;
  const scoreText =
    r.score === null
      ? ''
      : ` (score ${Math.round(r.score)}, ${r.passed} of ${r.scored} checks passed)`;
  let title: string;
  if (r.verdict === 'INVALID') {
    const drifted = r.population.invalid_columns
      .slice(0, 3)
      .map((name) => {
        const psi = r.population.columns.find((c) => c.name === name)?.psi ?? null;
        return psi === null ? name : `${name} PSI ${psiText(psi)}`;
      })
      .join(', ');
    title = `Canary ${canary} cannot be judged against ${baseline}: the two did not see the same traffic (${drifted})`;
  } else if (r.verdict === 'PASS') {
    title = `Canary ${canary} passes against ${baseline}${scoreText}`;
  } else {
    const verb = r.verdict === 'FAIL' ? 'fails' : 'is marginal';
    title = `Canary ${canary} ${verb} against ${baseline}${failed ? `: ${checkText(failed, words)}` : scoreText}`;
  }
  const who =
    r.verdict === 'PASS' || r.verdict === 'INVALID' ? [] : (failed?.segment.predicates ?? []);
  const magnitude =
    r.verdict === 'PASS' ? 0 : r.verdict === 'MARGINAL' ? 1 - (r.score ?? 100) / 100 : 1;
  return {
    id: 'canary',
    kind: 'canary',
    severity: severities[r.verdict],
    title,
    detail:
      r.failing.length > 0
        ? `${r.verdict}${scoreText}: ${r.failing.slice(0, 3).join('; ')}${r.failing.length > 3 ? `; and ${r.failing.length - 3} more` : ''}.`
        : `${r.verdict}${scoreText}; ${countText(r.rows.baseline)} baseline and ${countText(r.rows.canary)} canary rows, ${r.design} traffic.`,
    since: null,
    who: who.length > 0 ? who : null,
    evidence: who.length > 0 ? { view: 'canary', cohort: who } : { view: 'canary' },
    numbers: {
      verdict: r.verdict,
      score: r.score,
      failed_segment: failed && who.length > 0 ? whoText(who) : null,
      failed_metric: failed?.metric ?? null,
      baseline: failed?.baseline ?? null,
      value: failed?.canary ?? null,
      q: failed?.q ?? null,
      magnitude,
    },
  };
}
