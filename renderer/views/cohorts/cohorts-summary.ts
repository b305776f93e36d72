import { plural } from '../../../shared/text/plural.ts';
import { formatCount } from '../../format/numbers.ts';
import { baselineWords } from '../performance/baseline-words.ts';
import { formatMetric, formatWithInterval, qWords } from '../performance/metric-format.ts';
import {
  labelInSentence,
  metricLabel,
  worseningWord,
  type MetricInfo,
} from '../performance/performance-metrics.ts';
import {
  metricDelta,
  metricInterval,
  metricValue,
  type PerformanceTable,
} from '../performance/performance-rows.ts';
import type { CohortLine } from './cohorts-table-model.ts';

/** "0.228 [0.186, 0.276] vs 0.634 in the reference (q = 3e-13)". */
function comparison(line: CohortLine, metric: MetricInfo): string {
  const against = baselineWords(line.row.delta?.against);
  const value = formatWithInterval(line.value, line.interval);
  const q = metric.tested && line.q !== null ? ` (${qWords(line.q)})` : '';
  return `${value} vs ${formatMetric(line.baseline)} ${against}${q}`;
}

/** ", since 2026-09-21" when the line's onset is of the shown metric. */
function sinceWords(line: CohortLine, table: PerformanceTable, metric: MetricInfo): string {
  if (line.since === null || line.since.metric !== metric.name) return '';
  const unit = table.window?.unit;
  return `, since ${unit === undefined ? '' : `the ${unit} of `}${line.since.window}`;
}

/** The finding: the worst cohort, and whether it is significantly worse than its baseline. */
function findingLine(lines: readonly CohortLine[], table: PerformanceTable, metric: MetricInfo) {
  const judged = lines.filter((l) => l.change !== null);
  const worst = judged[0];
  const { label } = metric;
  if (worst === undefined) {
    return lines.length === 0
      ? `No cohorts: pick a cohort column to compare ${labelInSentence(metric)} across its values.`
      : `No cohort can be judged on ${labelInSentence(metric)}: each is too small or has no baseline.`;
  }
  if (metric.higherIsBetter === null) {
    return `${label} differs most for ${worst.words}: ${comparison(worst, metric)}.`;
  }
  if (worst.drop) {
    return `${label} is worst for ${worst.words}: ${comparison(worst, metric)}${sinceWords(worst, table, metric)}.`;
  }
  const against = baselineWords(worst.row.delta?.against);
  const what = labelInSentence(metric);
  if ((worst.change ?? 0) <= 0) return `No cohort's ${what} is worse than ${against}.`;
  if (!metric.tested) {
    const moved = metric.higherIsBetter ? 'dropped' : 'rose';
    return `${label} ${moved} most for ${worst.words}: ${comparison(worst, metric)} (${label} has no significance test: weigh the change against the cohort's size).`;
  }
  return `No cohort's ${what} is significantly worse than ${against}; the largest ${worseningWord(metric)} is ${worst.words}: ${comparison(worst, metric)}.`;
}

/** The whole log (within the active cohort) against its reference, or alone. */
function overallLine(table: PerformanceTable, metric: MetricInfo): string {
  const { overall } = table;
  const value = formatWithInterval(
    metricValue(overall, metric.name),
    metricInterval(overall, metric.name),
  );
  const delta = metricDelta(overall, metric.name);
  if (delta === null) {
    return `Overall ${labelInSentence(metric)} ${value}; ${table.cohorts.length > 0 ? 'each cohort is compared with the rest of the log' : 'no reference to compare with'}.`;
  }
  const q = metric.tested && delta.q !== null ? ` (${qWords(delta.q)})` : '';
  return `Overall ${labelInSentence(metric)} ${value} vs ${formatMetric(delta.baseline)} in the reference${q}.`;
}

/** The counts behind the table. */
function factsLine(
  lines: readonly CohortLine[],
  table: PerformanceTable,
  metric: MetricInfo,
): string {
  const facts = [`${formatCount(table.logRows)} log rows`];
  if (table.referenceRows !== null)
    facts.push(`${formatCount(table.referenceRows)} reference rows`);
  if (table.by.length > 0) {
    facts.push(`${plural(lines.length, 'cohort')} of ${table.by.map((b) => b.name).join(' × ')}`);
  }
  const drops = lines.filter((l) => l.drop).length;
  if (drops > 0) facts.push(plural(drops, `significant ${worseningWord(metric)}`));
  const small = lines.filter((l) => l.unjudged !== null).length;
  if (small > 0) {
    facts.push(`${small} too small to judge or without a baseline (shown greyed, never flagged)`);
  }
  if (table.window !== null && table.datesOnsets && lines.length > 0) {
    const primary = labelInSentence({ label: metricLabel(table.task, table.primaryMetric) });
    facts.push(`since: first ${table.window.unit} from which ${primary} stayed worse`);
  }
  return `${facts.join(' · ')}.`;
}

/** The cohort table in a few sentences: who is failing on the metric, the overall, the counts. */
export function cohortsSummaryLines(
  lines: readonly CohortLine[],
  table: PerformanceTable,
  metric: MetricInfo,
): string[] {
  const out = [
    findingLine(lines, table, metric),
    overallLine(table, metric),
    factsLine(lines, table, metric),
  ];
  for (const reason of table.skipped) out.push(`Not shown: ${reason}.`);
  return out;
}
