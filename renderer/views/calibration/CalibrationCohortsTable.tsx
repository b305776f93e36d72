import { useMemo, useState } from 'react';
import { formatCount } from '../../format/numbers.ts';
import { formatMetric } from '../performance/metric-format.ts';
import {
  defaultCalibrationCohortSort,
  nextCalibrationCohortSort,
  sortCalibrationCohorts,
  type CalibrationCohortLine,
  type CalibrationCohortSort,
  type CalibrationCohortSortKey,
} from './calibration-table-model.ts';

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  number = false,
  title,
}: {
  label: string;
  sortKey: CalibrationCohortSortKey;
  sort: CalibrationCohortSort;
  onSort(sort: CalibrationCohortSort): void;
  number?: boolean;
  title?: string;
}) {
  // The analysis's own order needs no arrow until the user asks for it.
  const active = sort.key === sortKey && sort !== defaultCalibrationCohortSort;
  return (
    <th
      scope="col"
      className={number ? 'number' : undefined}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        className="sort-header"
        title={title}
        onClick={() => onSort(nextCalibrationCohortSort(sort, sortKey))}
      >
        {label}
        {active && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
      </button>
    </th>
  );
}

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
  const header = { sort, onSort: setSort };
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
            <td>
              {line.cohort.predicates !== null && (
                <button
                  type="button"
                  className="button-small"
                  onClick={() => onFilter(line)}
                  aria-label={`Make ${line.words} the active cohort`}
                >
                  Filter
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
