import { formatPValue } from '../../../shared/text/p-value.ts';
import { SortHeader } from '../../app/SortHeader.tsx';
import { useRovingRows } from '../../app/use-roving-rows.ts';
import { formatCount } from '../../format/numbers.ts';
import { describePredicates } from '../../format/predicates.ts';
import { formatDelta, formatInterval, formatMetric } from '../performance/metric-format.ts';
import { worseningWord, type MetricInfo } from '../performance/performance-metrics.ts';
import {
  metricDelta,
  metricInterval,
  metricValue,
  type PerformanceRow,
} from '../performance/performance-rows.ts';
import {
  nextCohortSort,
  type CohortLine,
  type CohortSort,
  type CohortSortKey,
} from './cohorts-table-model.ts';
import { CohortFilterCell } from './CohortFilterCell.tsx';

interface Props {
  lines: readonly CohortLine[];
  overall: PerformanceRow;
  metric: MetricInfo;
  /** The cohort columns, for the first header. */
  columns: readonly string[];
  /** Whether baselines are the reference's cohorts or the rest of the log. */
  against: 'reference' | 'rest';
  /** The header of the onset column; null without a timeline. */
  sinceHeader: string | null;
  /** The whole log's onset, when it has a baseline. */
  overallSince: string | null;
  sort: CohortSort;
  onSort(sort: CohortSort): void;
  selected: string | null;
  onSelect(key: string): void;
  onFilter(line: CohortLine): void;
}

/** A value and its interval, the interval quieter. */
function ValueCell({ value, interval }: Pick<CohortLine, 'value' | 'interval'>) {
  const range = formatInterval(interval);
  return (
    <td className="number">
      {formatMetric(value)}
      {range !== '' && <span className="muted interval"> {range}</span>}
    </td>
  );
}

/** What a row's status cell says: a drop, why it is not judged, or nothing. */
function StatusCell({ line, metric }: { line: CohortLine; metric: MetricInfo }) {
  if (line.drop) return <td className="cohort-status">significant {worseningWord(metric)}</td>;
  if (line.unjudged !== null) return <td className="cohort-status muted">{line.unjudged}</td>;
  return <td className="cohort-status" />;
}

/**
 * The cohorts for one metric, the whole log first. A row is selected (the Timeline then shows
 * it) by click, Enter or Space; the rows are one tab stop (Up/Down, Home, End), and each has a
 * Filter button that makes its cohort the active cohort. Significant drops are marked, cohorts
 * too small to judge greyed and never marked.
 */
export function CohortsTable({
  lines,
  overall,
  metric,
  columns,
  against,
  sinceHeader,
  overallSince,
  sort,
  onSort,
  selected,
  onSelect,
  onFilter,
}: Props) {
  const { bodyProps, tabStop } = useRovingRows(lines, (l) => l.key, selected, onSelect);
  const header = { sort, onSort: (key: CohortSortKey) => onSort(nextCohortSort(sort, key)) };
  const baselineHeader = against === 'rest' ? 'Rest of log' : 'Reference';
  const overallDelta = metricDelta(overall, metric.name);
  return (
    <table className="data-table cohorts-table" aria-label={`${metric.label} by cohort`}>
      <thead>
        <tr>
          <SortHeader label={columns.join(' × ') || 'Cohort'} sortKey="cohort" {...header} />
          <SortHeader
            label="n"
            sortKey="n"
            number
            title="Rows with a label and a prediction: what the metric counts"
            {...header}
          />
          <SortHeader
            label={metric.proportion ? `${metric.label} [95% CI]` : metric.label}
            sortKey="value"
            number
            {...header}
          />
          <th
            scope="col"
            className="number"
            title={
              against === 'rest'
                ? 'The rest of the log: every other row'
                : 'The same cohort in the reference'
            }
          >
            {baselineHeader}
          </th>
          <SortHeader label="Δ" sortKey="delta" number {...header} />
          <SortHeader
            label="q"
            sortKey="q"
            number
            title={
              metric.tested
                ? 'p of the change, adjusted for all cohorts (Benjamini–Hochberg)'
                : `${metric.label} has no test`
            }
            {...header}
          />
          {sinceHeader !== null && <th scope="col">{sinceHeader}</th>}
          <SortHeader
            label="Status"
            sortKey="rank"
            title={`Most degraded first: significant ${worseningWord(metric)}s, largest first; then by change; then the cohorts that cannot be judged`}
            {...header}
          />
          <th scope="col">
            <span className="visually-hidden">Filter</span>
          </th>
        </tr>
      </thead>
      <tbody className="cohorts-overall">
        <tr>
          <th scope="row">All rows</th>
          <td className="number">{formatCount(overall.n)}</td>
          <ValueCell
            value={metricValue(overall, metric.name)}
            interval={metricInterval(overall, metric.name)}
          />
          <td className="number">{formatMetric(overallDelta?.baseline)}</td>
          <td className="number">{formatDelta(overallDelta?.delta)}</td>
          <td className="number">{metric.tested ? formatPValue(overallDelta?.q) : '–'}</td>
          {sinceHeader !== null && <td>{overallSince ?? '–'}</td>}
          <td />
          <td />
        </tr>
      </tbody>
      <tbody {...bodyProps}>
        {lines.map((line, i) => {
          const isSelected = line.key === selected;
          const classes = [
            line.drop ? 'cohort-drop' : '',
            line.unjudged !== null ? 'cohort-unjudged' : '',
            isSelected ? 'selected' : '',
          ];
          return (
            <tr
              key={line.key}
              className={classes.join(' ').trim() || undefined}
              aria-selected={isSelected}
              tabIndex={i === tabStop ? 0 : -1}
              onClick={() => onSelect(line.key)}
              data-cohort={line.words}
            >
              <th scope="row" className="column-name">
                {line.values.join(' · ')}
              </th>
              <td className="number">{formatCount(line.row.n)}</td>
              <ValueCell value={line.value} interval={line.interval} />
              <td className="number">{formatMetric(line.baseline)}</td>
              <td className="number">{formatDelta(line.delta)}</td>
              <td className="number">{metric.tested ? formatPValue(line.q) : '–'}</td>
              {sinceHeader !== null && <td>{line.since?.window ?? '–'}</td>}
              <StatusCell line={line} metric={metric} />
              <CohortFilterCell
                words={line.words}
                canFilter={line.row.predicates !== null}
                onFilter={() => onFilter(line)}
                pin={
                  line.row.predicates === null
                    ? null
                    : {
                        kind: 'cohort',
                        name: describePredicates(line.row.predicates),
                        predicates: line.row.predicates,
                      }
                }
              />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
