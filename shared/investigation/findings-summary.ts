// The answer in a few words for the top of the Findings view and the report: a status from the
// worst finding, and what failed, for whom, since when and how much, from the top findings.
import type { Finding, FindingsSummary, Severity } from './finding.ts';
import { metricTitle, percentText, relativeText, valuePair, whoText } from './finding-words.ts';
import { severityOrder } from './findings.ts';
import type { Investigation } from './investigation.ts';

const statusOf: Record<Severity, FindingsSummary['status']> = {
  critical: 'failing',
  high: 'degraded',
  medium: 'watch',
  low: 'watch',
};

const statusWords: Record<FindingsSummary['status'], string> = {
  failing: 'Failing',
  degraded: 'Degraded',
  watch: 'Worth watching',
  healthy: 'Healthy',
};

/** A canary that passed reassures; it is listed, but it is no concern. */
const isConcern = (f: Finding): boolean => !(f.kind === 'canary' && f.numbers.verdict === 'PASS');

const num = (f: Finding, key: string): number | null => {
  const v = f.numbers[key];
  return typeof v === 'number' ? v : null;
};

/** How big a finding is, in a few words, from the numbers its title quotes. */
export function howBigOf(f: Finding): string | null {
  const baseline = num(f, 'baseline');
  const value = num(f, 'value');
  const metric = f.numbers.metric ?? f.numbers.failed_metric;
  if (baseline !== null && value !== null && typeof metric === 'string') {
    const [b, v] = valuePair(baseline, value);
    const relative = baseline !== 0 ? ` (${relativeText((value - baseline) / baseline)})` : '';
    const counted = f.numbers.counted;
    const over = typeof counted === 'string' ? `, ${counted}` : '';
    return `${metricTitle(metric).replace(/^The /, '')} ${b} → ${v}${relative}${over}`;
  }
  if (f.kind === 'canary') return `verdict ${String(f.numbers.verdict)}`;
  const psi = num(f, 'psi');
  if (f.kind === 'drift' && psi !== null) return `PSI ${psi.toFixed(2)}`;
  const reference = num(f, 'reference_rate');
  const current = num(f, 'current_rate');
  if (reference !== null && current !== null) {
    return `${f.kind === 'missing' ? 'missing rate' : 'base rate'} ${percentText(reference)} → ${percentText(current)}`;
  }
  const share = num(f, 'share');
  if (share !== null) return `${percentText(share)} of current values`;
  const ece = num(f, 'ece');
  if (ece !== null) return `ECE ${ece.toFixed(3)}`;
  const lift = num(f, 'lift');
  if (lift !== null) return `×${lift.toFixed(1)} the overall error rate`;
  return null;
}

/** What a healthy investigation ran and what it could not, in one sentence. */
function healthyHeadline(investigation: Investigation, passed: Finding | undefined): string {
  const skipped = investigation.skipped.map((s) => s.section);
  const notRun = skipped.length > 0 ? ` (not run: ${[...new Set(skipped)].join(', ')})` : '';
  const canary = passed ? `; ${passed.title.charAt(0).toLowerCase()}${passed.title.slice(1)}` : '';
  const against = investigation.reference === null ? 'in its own data' : 'against the reference';
  return `Healthy: no analysis finds the model worse ${against}${notRun}${canary}.`;
}

/**
 * The summary of ranked findings: the status from the worst severity among the concerns (a
 * canary PASS is none), the top finding as `what`, its rows as `who` (else those of the first
 * critical or high finding that names any; "all rows" when none does), its onset as `since` (else
 * the earliest among the critical and high findings, else among all), and its numbers as
 * `how_big`.
 */
export function summarizeFindings(
  findings: readonly Finding[],
  investigation: Investigation,
): FindingsSummary {
  const concerns = findings.filter(isConcern);
  const [top] = concerns;
  if (top === undefined) {
    return {
      status: 'healthy',
      headline: healthyHeadline(
        investigation,
        findings.find((f) => f.kind === 'canary'),
      ),
      what: null,
      who: null,
      since: null,
      how_big: null,
    };
  }
  const worst = concerns.reduce(
    (a, f) => (severityOrder[f.severity] < severityOrder[a] ? f.severity : a),
    top.severity,
  );
  const status = statusOf[worst];
  const serious = concerns.filter((f) => severityOrder[f.severity] <= severityOrder.high);
  // Who and since answer for the top finding when it says; else for the serious ones.
  const named = top.who !== null ? top : serious.find((f) => f.who !== null);
  const onsets = (top.since !== null ? [top] : serious.length > 0 ? serious : concerns)
    .map((f) => f.since)
    .filter((s): s is string => s !== null)
    .sort();
  const counts = (['critical', 'high', 'medium', 'low'] as const)
    .map((s) => [s, concerns.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const more = concerns.length - 1;
  const rest =
    more > 0 ? `; ${more} more finding${more === 1 ? '' : 's'} (${counts.join(', ')} in all)` : '';
  return {
    status,
    headline: `${statusWords[status]}: ${top.title}${rest}.`,
    what: top.title,
    who: named?.who ? whoText(named.who) : 'all rows',
    since: onsets[0] ?? null,
    how_big: howBigOf(top),
  };
}
