// The Canary view in words: metrics, values in their units, changes, tolerances, results, the
// verdict's summary and the notes beside it. Pure.
import type {
  CanaryCheck,
  CanaryJudgement,
  CanaryMetric,
  CanaryPopulation,
  CanaryResult,
  CanaryVerdict,
} from '../../../shared/analyses/canary/canary-result.ts';
import { metricWords } from '../../../shared/analyses/canary/canary-words.ts';
import { formatCount, formatNumber, formatPercent } from '../../format/numbers.ts';
import { formatMetric } from '../performance/metric-format.ts';

/** How a metric's values read: rates in percent, AUC as a number, latency in milliseconds. */
type Unit = 'rate' | 'auc' | 'ms';

const unitOf = (metric: CanaryMetric): Unit =>
  metric === 'auc'
    ? 'auc'
    : metric === 'latency_p99' || metric === 'latency_p99_ceiling'
      ? 'ms'
      : 'rate';

/** "−" for a negative number, "+" for a positive one: a change reads with its sign. */
const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');

/** A value in its metric's unit: "69.6%", "0.861", "123.4 ms"; a dash when unknown. */
export function valueText(metric: CanaryMetric, value: number | null): string {
  if (value === null) return '–';
  switch (unitOf(metric)) {
    case 'rate':
      return formatPercent(value);
    case 'auc':
      return formatMetric(value);
    case 'ms':
      return `${formatNumber(value)} ms`;
  }
}

/** canary - baseline in the metric's unit: "−48.1 pts" (percentage points), "+0.114", "+11.64 ms". */
export function deltaText(metric: CanaryMetric, delta: number | null): string {
  if (delta === null) return '–';
  const size = Math.abs(delta);
  switch (unitOf(metric)) {
    case 'rate':
      return `${sign(delta)}${(size * 100).toFixed(1)} pts`;
    case 'auc':
      return `${sign(delta)}${formatMetric(size)}`;
    case 'ms':
      return `${sign(delta)}${formatNumber(size)} ms`;
  }
}

/** A relative change as a signed percent: "−69.2%", "+10.4%". */
export function relativeText(relative: number | null): string {
  if (relative === null) return '–';
  return `${sign(relative)}${(Math.abs(relative) * 100).toFixed(1)}%`;
}

/** The relative change's 95% interval: "[−89%, −49%]"; empty without one. */
export function relativeIntervalText(interval: CanaryCheck['interval']): string {
  if (interval === null) return '';
  const end = (x: number) => `${sign(x)}${Math.round(Math.abs(x) * 100)}%`;
  return `[${end(interval.low)}, ${end(interval.high)}]`;
}

/** What the check allows: "3% drop", "0.020 drop", "10% rise", "at most 500 ms", "at least 99.0%". */
export function toleranceText(check: Pick<CanaryCheck, 'metric' | 'tolerance' | 'tolerance_kind'>) {
  const { metric, tolerance } = check;
  if (check.tolerance_kind === 'ceiling') {
    return metric === 'success_rate_floor'
      ? `at least ${formatPercent(tolerance)}`
      : `at most ${formatNumber(tolerance)} ms`;
  }
  if (check.tolerance_kind === 'absolute') return `${formatMetric(tolerance)} drop`;
  const percent = `${formatNumber(tolerance * 100)}%`;
  return metric === 'latency_p99' ? `${percent} rise` : `${percent} drop`;
}

/** A check's result as its badge reads. */
export function resultText(check: Pick<CanaryCheck, 'passed'>): 'pass' | 'FAIL' | 'not judged' {
  return check.passed === null ? 'not judged' : check.passed ? 'pass' : 'FAIL';
}

/** The score in words: "score 97.4 of 100, 37 of 38 checks passed". */
export function scoreWords(judgement: Pick<CanaryJudgement, 'score' | 'scored' | 'passed'>) {
  if (judgement.score === null) return 'no check could be scored';
  const { scored, passed } = judgement;
  return `score ${judgement.score.toFixed(1)} of 100, ${formatCount(passed)} of ${formatCount(scored)} ${scored === 1 ? 'check' : 'checks'} passed`;
}

/** What each verdict means (STATS.md): said under the banner. */
export const verdictRules: Record<CanaryVerdict, string> = {
  PASS: 'No critical check failed and the score is at least 95.',
  MARGINAL: 'No critical check failed, but the score is below 95.',
  FAIL: 'A critical check failed, or the score is below 75.',
  INVALID: 'The two sides did not see the same traffic: no verdict on the checks holds.',
};

/** A PSI for reading: two significant digits ("0.0048", "0.41", "4.2"). */
export const psiText = (psi: number) => String(Number(psi.toPrecision(2)));

/** Why a comparison is INVALID, naming the inputs that differ, or null when it is valid. */
export function populationWords(population: CanaryPopulation, psiMax: number): string | null {
  if (population.valid) return null;
  const psiOf = (name: string) => population.columns.find((c) => c.name === name)?.psi ?? null;
  const named = population.invalid_columns.map((name) => {
    const psi = psiOf(name);
    return psi === null ? name : `${name} (PSI ${psiText(psi)})`;
  });
  return `The populations differ: ${named.join(', ')} ${named.length === 1 ? 'is' : 'are'} at or beyond the population guardrail (PSI ${psiText(psiMax)}).`;
}

/** The population check when it passed: "Same population: every input's PSI below 0.2 (largest 0.004)." */
export function samePopulationWords(population: CanaryPopulation, psiMax: number): string {
  const largest = population.psi === null ? '' : ` (largest ${psiText(population.psi)})`;
  return `Same population: every input's PSI is below ${psiText(psiMax)}${largest}.`;
}

/** The design and the core's reason for it: "split: the sides share 0 of their ids …". */
export function designWords(result: Pick<CanaryResult, 'design' | 'design_reason' | 'rows'>) {
  const joined =
    result.design === 'shadow' && result.rows.joined !== null
      ? `; ${formatCount(result.rows.joined)} rows joined by id`
      : '';
  return `${result.design}: ${result.design_reason}${joined}.`;
}

/** Rows per side: "6,500 baseline rows (v1), 6,500 canary rows (v2)". */
export function rowsWords(result: Pick<CanaryResult, 'rows' | 'source'>): string {
  const version = (side: 'baseline' | 'canary') =>
    result.source.kind === 'model_column' ? ` (${result.source[side]})` : '';
  return `${formatCount(result.rows.baseline)} baseline rows${version('baseline')}, ${formatCount(result.rows.canary)} canary rows${version('canary')}`;
}

/** The checks that could not be made: "Not checked: success rate (no success or status column)." */
export function skippedWords(skipped: CanaryResult['skipped']): string | null {
  if (skipped.length === 0) return null;
  const named = skipped.map((s) => {
    const metric = s.metric in metricWords ? metricWords[s.metric as CanaryMetric] : s.metric;
    return `${metric} (${s.reason})`;
  });
  return `Not checked: ${named.join('; ')}.`;
}

/** A pair of values of the two sides: "0.012 → 0.034", dashes where unknown. */
export function sidesText(pair: { baseline: number | null; canary: number | null }): string {
  return `${formatMetric(pair.baseline)} → ${formatMetric(pair.canary)}`;
}
