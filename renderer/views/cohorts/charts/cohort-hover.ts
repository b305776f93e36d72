import { formatPValue } from '../../../../shared/text/p-value.ts';
import { formatCount } from '../../../format/numbers.ts';
import { formatDelta, formatMetric, formatWithInterval } from '../../performance/metric-format.ts';
import { labelInSentence, type MetricInfo } from '../../performance/performance-metrics.ts';
import type { CohortLine } from '../cohorts-table-model.ts';

/** A cohort's numbers for a chart's hover label, one fact a line. */
export function cohortHoverText(line: CohortLine, metric: MetricInfo): string {
  const { row } = line;
  const lines = [
    line.words,
    `${labelInSentence(metric)} ${formatWithInterval(line.value, line.interval)}`,
    `n = ${formatCount(row.n)} labelled of ${formatCount(row.rows)} rows`,
  ];
  if (line.baseline !== null) {
    const against = row.delta?.against === 'rest' ? 'rest of the log' : 'reference';
    const q = metric.tested ? ` · q ${formatPValue(line.q)}` : '';
    lines.push(`${against} ${formatMetric(line.baseline)} · Δ ${formatDelta(line.delta)}${q}`);
  }
  if (line.since !== null) lines.push(`${line.since.metric} worse since ${line.since.window}`);
  if (line.unjudged !== null) lines.push(line.unjudged);
  if (line.drop) lines.push('significant drop');
  return lines.join('<br>');
}
