import { SortHeader } from '../../app/SortHeader.tsx';
import { useRovingRows } from '../../app/use-roving-rows.ts';
import { formatPValue } from '../../../shared/text/p-value.ts';
import { formatCount } from '../../format/numbers.ts';
import { describePredicates } from '../../format/predicates.ts';
import { CohortFilterCell } from '../cohorts/CohortFilterCell.tsx';
import {
  defaultCheckSort,
  nextCheckSort,
  type CheckGroup,
  type CheckLine,
  type CheckSort,
  type CheckSortKey,
} from './canary-table-model.ts';
import { metricWords } from '../../../shared/analyses/canary/canary-words.ts';
import {
  deltaText,
  relativeIntervalText,
  relativeText,
  resultText,
  toleranceText,
  valueText,
} from './canary-words.ts';

interface Props {
  groups: readonly CheckGroup[];
  sort: CheckSort;
  onSort(sort: CheckSort): void;
  /** The selected check's key (shown in the forest plot); null: none. */
  selected: string | null;
  onSelect(line: CheckLine): void;
  /** Makes a segment the active cohort. */
  onFilter(group: CheckGroup): void;
}

/** A table row: a segment's header, or one of its checks. */
type Row = { key: string; group: CheckGroup; line: CheckLine | null };

const resultClass = { pass: 'result-pass', FAIL: 'result-fail', 'not judged': 'result-unjudged' };

/** A segment's header in words: "4 of 5 checks passed", or why none was judged. */
function groupWords(group: CheckGroup): string {
  const summary = group.summary;
  if (summary === null) return '';
  if (summary.too_small) return 'too small to judge';
  if (summary.scored === 0) return 'no check scored';
  return `${formatCount(summary.passed)} of ${formatCount(summary.scored)} ${summary.scored === 1 ? 'check' : 'checks'} passed`;
}

/**
 * The checks by segment (every row first): a header per segment with its passed and scored checks
 * and a Filter button, then each metric's baseline, canary, change, relative change with its 95%
 * interval, tolerance, test, p, q and result, critical ones marked. Sortable within segments; the
 * rows are one tab stop (Up/Down, Home, End); a click or Enter shows a check in the forest plot.
 */
export function CanaryChecksTable({ groups, sort, onSort, selected, onSelect, onFilter }: Props) {
  const rows: Row[] = groups.flatMap((group) => [
    { key: `segment:${group.segment.name}`, group, line: null },
    ...group.lines.map((line) => ({ key: line.key, group, line })),
  ]);
  const select = (key: string) => {
    const line = rows.find((r) => r.key === key)?.line;
    if (line) onSelect(line);
  };
  const { bodyProps, tabStop } = useRovingRows(rows, (r) => r.key, selected, select);
  const header = {
    sort,
    onSort: (key: CheckSortKey) => onSort(nextCheckSort(sort, key)),
    unmarked: defaultCheckSort,
  };
  return (
    <table className="data-table canary-checks" aria-label="Canary checks">
      <thead>
        <tr>
          <SortHeader
            label="Check"
            sortKey="rank"
            title="Failed critical checks first, then other failures, then the rest"
            {...header}
          />
          <th scope="col" className="number">
            Baseline
          </th>
          <th scope="col" className="number">
            Canary
          </th>
          <th scope="col" className="number" title="canary − baseline">
            Change
          </th>
          <SortHeader
            label="Relative [95%]"
            sortKey="relative"
            number
            title="(canary − baseline) / baseline, with its 95% interval"
            {...header}
          />
          <th scope="col" title="The largest degradation allowed (the guardrails)">
            Tolerance
          </th>
          <th scope="col">Test</th>
          <SortHeader label="p" sortKey="p" number {...header} />
          <SortHeader
            label="q"
            sortKey="q"
            number
            title="Benjamini–Hochberg within the comparison"
            {...header}
          />
          <th scope="col">Result</th>
          <th scope="col">
            <span className="visually-hidden">Filter</span>
          </th>
        </tr>
      </thead>
      <tbody {...bodyProps}>
        {rows.map((row, i) => {
          const { group, line } = row;
          const tabIndex = i === tabStop ? 0 : -1;
          if (line === null) {
            return (
              <tr
                key={row.key}
                className={group.active ? 'check-group selected' : 'check-group'}
                tabIndex={tabIndex}
                data-segment={group.segment.name}
              >
                <th scope="rowgroup" colSpan={10}>
                  {group.segment.name === 'all' ? 'All rows' : group.segment.name}
                  <span className="muted group-words">{groupWords(group)}</span>
                  {group.active && <span className="active-mark">active cohort</span>}
                </th>
                <CohortFilterCell
                  words={group.segment.name}
                  canFilter={group.cohort !== null && !group.active}
                  onFilter={() => onFilter(group)}
                  pin={
                    group.segment.predicates.length === 0
                      ? null
                      : {
                          kind: 'cohort',
                          name: describePredicates(group.segment.predicates),
                          predicates: group.segment.predicates,
                        }
                  }
                />
              </tr>
            );
          }
          const { check } = line;
          const result = resultText(check);
          const interval = relativeIntervalText(check.interval);
          const classes = [
            check.passed === false ? 'check-failed' : '',
            check.passed === null ? 'check-unjudged' : '',
            line.key === selected ? 'selected' : '',
          ].filter((c) => c !== '');
          return (
            <tr
              key={row.key}
              className={classes.length > 0 ? classes.join(' ') : undefined}
              aria-selected={line.key === selected}
              tabIndex={tabIndex}
              onClick={() => onSelect(line)}
              data-check={line.key}
              title={check.reason}
            >
              <th scope="row" className="check-metric">
                {metricWords[check.metric]}
                {check.critical && <span className="critical-mark">critical</span>}
              </th>
              <td className="number">{valueText(check.metric, check.baseline)}</td>
              <td className="number">{valueText(check.metric, check.canary)}</td>
              <td className="number">{deltaText(check.metric, check.delta)}</td>
              <td className="number">
                {relativeText(check.relative_delta)}
                {interval !== '' && <span className="muted interval"> {interval}</span>}
              </td>
              <td>{toleranceText(check)}</td>
              <td>{check.test ?? 'limit'}</td>
              <td className="number">{formatPValue(check.p)}</td>
              <td className="number">{formatPValue(check.q)}</td>
              <td>
                <span className={`check-result ${resultClass[result]}`}>{result}</span>
              </td>
              <td />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
