import { useMemo, useState } from 'react';
import { SortHeader } from '../../app/SortHeader.tsx';
import { formatCount } from '../../format/numbers.ts';
import { formatMetric } from '../performance/metric-format.ts';
import {
  defaultCalibrationCohortSort,
  nextCalibrationCohortSort,
  sortCalibrationCohorts,
  type CalibrationCohortLine,
  type CalibrationCohortSortKey,
} from './calibration-table-model.ts';
import { describePredicates } from '../../format/predicates.ts';
import { CohortFilterCell } from '../cohorts/CohortFilterCell.tsx';

/**
 * Each cohort's calibration in a sortable table: n, ECE, MCE, Brier, whether it is too small to
 * judge, and a Filter button that makes it the active cohort.
 */
export function CalibrationCohortsTable({
  lines,
  column,
  onFilter,
}: {
  lines: readonly CalibrationCohortLine[];
  /** The cohort column, for the first header. */
  column: string;
  onFilter(line: CalibrationCohortLine): void;
}) {
  const [sort, setSort] = useState(defaultCalibrationCohortSort);
  const sorted = useMemo(() => sortCalibrationCohorts(lines, sort), [lines, sort]);
  const header = {
    sort,
    onSort: (key: CalibrationCohortSortKey) => setSort(nextCalibrationCohortSort(sort, key)),
    // The analysis's own order needs no arrow until the user asks for it.
    unmarked: defaultCalibrationCohortSort,
  };
  return (
    <table className="data-table calibration-cohorts" aria-label={`Calibration by ${column}`}>
      <thead>
        <tr>
          <SortHeader
            label={column}
            sortKey="cohort"
            title="By value (numeric bins from the lowest)"
            {...header}
          />
          <SortHeader label="n" sortKey="n" number {...header} />
          <SortHeader label="ECE" sortKey="ece" number {...header} />
          <SortHeader label="MCE" sortKey="mce" number {...header} />
          <SortHeader label="Brier" sortKey="brier" number {...header} />
          <SortHeader
            label="Too small"
            sortKey="rank"
            title="The analysis's order: worst ECE first, cohorts too small to judge (n < 30 or fewer than 5 positives or negatives) last"
            {...header}
          />
          <th scope="col">
            <span className="visually-hidden">Filter</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((line) => (
          <tr
            key={line.key}
            data-cohort={line.words}
            className={line.cohort.too_small ? 'cohort-unjudged' : undefined}
          >
            <th scope="row" className="column-name">
              {line.value}
            </th>
            <td className="number">{formatCount(line.cohort.n)}</td>
            <td className="number">{formatMetric(line.cohort.ece)}</td>
            <td className="number">{formatMetric(line.cohort.mce)}</td>
            <td className="number">{formatMetric(line.cohort.brier.total)}</td>
            <td>{line.cohort.too_small ? 'yes: shown, not judged' : 'no'}</td>
            <CohortFilterCell
              words={line.words}
              canFilter={line.cohort.predicates !== null}
              onFilter={() => onFilter(line)}
              pin={
                line.cohort.predicates === null
                  ? null
                  : {
                      kind: 'cohort',
                      name: describePredicates(line.cohort.predicates),
                      predicates: line.cohort.predicates,
                    }
              }
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
