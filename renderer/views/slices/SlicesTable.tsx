import type { SlicesResult } from '../../../shared/analyses/slices/slices-result.ts';
import { SortHeader } from '../../app/SortHeader.tsx';
import { useRovingRows } from '../../app/use-roving-rows.ts';
import { formatCount } from '../../format/numbers.ts';
import { describePredicates } from '../../format/predicates.ts';
import { formatMetric } from '../performance/metric-format.ts';
import { CohortFilterCell } from '../cohorts/CohortFilterCell.tsx';
import { HistoryBadge } from './HistoryBadge.tsx';
import {
  defaultSliceSort,
  nextSliceSort,
  type SliceLine,
  type SliceSort,
  type SliceSortKey,
} from './slices-table-model.ts';
import { errorText, intervalText, liftText } from './slices-words.ts';

interface Props {
  lines: readonly SliceLine[];
  measure: SlicesResult['error_measure'];
  /** Whether the slices were compared with a reference (its column is shown). */
  withReference: boolean;
  sort: SliceSort;
  onSort(sort: SliceSort): void;
  /** Makes the slice the active cohort. */
  onPick(line: SliceLine): void;
}

/**
 * The top slices, best first: rank, the slice in words, its rows, its error with the 95%
 * interval, lift, score, and its error in the reference with its history. A click, Enter or a
 * Filter button makes a slice the active cohort; the rows are one tab stop (Up/Down, Home, End)
 * and the active slice is marked.
 */
export function SlicesTable({ lines, measure, withReference, sort, onSort, onPick }: Props) {
  const active = lines.find((l) => l.active)?.key ?? null;
  const pickKey = (key: string) => {
    const line = lines.find((l) => l.key === key);
    if (line !== undefined) onPick(line);
  };
  const { bodyProps, tabStop } = useRovingRows(lines, (l) => l.key, active, pickKey);
  const header = {
    sort,
    onSort: (key: SliceSortKey) => onSort(nextSliceSort(sort, key)),
    unmarked: defaultSliceSort,
  };
  const rate = measure === 'misclassification';
  return (
    <table className="data-table slices-table" aria-label="Top slices">
      <thead>
        <tr>
          <SortHeader label="#" sortKey="rank" number title="By score, best first" {...header} />
          <th scope="col">Slice</th>
          <SortHeader label="Rows" sortKey="size" number {...header} />
          <SortHeader
            label={rate ? 'Error [95%]' : 'Squared error'}
            sortKey="error"
            number
            title={rate ? 'Error rate in the slice, 95% Wilson interval' : 'Mean squared error'}
            {...header}
          />
          <SortHeader
            label="Lift"
            sortKey="lift"
            number
            title="The slice's error over the overall error"
            {...header}
          />
          <SortHeader
            label="Score"
            sortKey="score"
            number
            title="SliceLine's score: the error above average, weighed by alpha against the size"
            {...header}
          />
          {withReference && (
            <SortHeader
              label="In the reference"
              sortKey="reference"
              number
              title="The same slice's error in the reference, and whether it broke or was always hard"
              {...header}
            />
          )}
          <th scope="col">
            <span className="visually-hidden">Filter</span>
          </th>
        </tr>
      </thead>
      <tbody {...bodyProps}>
        {lines.map((line, i) => {
          const { slice } = line;
          const interval = intervalText(slice.low, slice.high, measure);
          const reference = slice.reference;
          return (
            <tr
              key={line.key}
              className={line.active ? 'selected' : undefined}
              aria-selected={line.active}
              tabIndex={i === tabStop ? 0 : -1}
              onClick={() => onPick(line)}
              data-slice={line.words}
            >
              <td className="number">{line.rank + 1}</td>
              <th scope="row" className="slice-words">
                {line.words}
                {line.active && <span className="active-mark">active cohort</span>}
              </th>
              <td className="number">{formatCount(slice.size)}</td>
              <td className="number">
                {errorText(slice.error, measure)}
                {interval !== '' && <span className="muted interval"> {interval}</span>}
              </td>
              <td className="number">{liftText(slice.lift)}</td>
              <td className="number">{formatMetric(slice.score)}</td>
              {withReference && (
                <td className="number slice-reference">
                  {reference === undefined ? (
                    '–'
                  ) : (
                    <>
                      <span title={`${formatCount(reference.size)} rows in the reference`}>
                        {errorText(reference.error, measure)}
                        {reference.history === 'unknown' && (
                          <span className="muted interval">
                            {' '}
                            of {formatCount(reference.size)} {reference.size === 1 ? 'row' : 'rows'}
                          </span>
                        )}
                      </span>{' '}
                      <HistoryBadge history={reference.history} />
                    </>
                  )}
                </td>
              )}
              <CohortFilterCell
                words={line.words}
                canFilter={!line.active}
                onFilter={() => onPick(line)}
                pin={{
                  kind: 'slice',
                  name: describePredicates(line.cohort),
                  predicates: line.cohort,
                }}
              />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
