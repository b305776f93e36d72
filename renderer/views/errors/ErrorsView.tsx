import { useMemo, useState } from 'react';
import type { Cell } from '../../../shared/analyses/errors/errors-result.ts';
import type { ErrorsSort } from '../../../shared/analyses/errors/errors-spec.ts';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { resultCohort } from '../../app/result-cohort.ts';
import { narrowCohort } from '../drift/bin-cohort.ts';
import { performanceSides } from '../performance/performance-sides.ts';
import { ErrorDetailPanel } from './ErrorDetailPanel.tsx';
import { cappedNote, errorsHeadline } from './errors-headline.ts';
import { errorDetailRequestOf, errorsGaps, errorsRequestOf } from './errors-request.ts';
import { defaultErrorsSort, nextErrorsSort, sortWords } from './errors-sort.ts';
import { ErrorsGrid } from './ErrorsGrid.tsx';
import { gridColumns, hasConfidence } from './grid-columns.ts';
import { useErrorDetail } from './use-error-detail.ts';
import { useErrorsGrid } from './use-errors-grid.ts';
import './errors.css';

/**
 * The Errors view: the log's wrong predictions themselves, confident errors first, within the
 * active cohort, in a grid that pages through DuckDB as it scrolls (millions of rows, a few
 * hundred in memory). A row opens beside it with its features against the reference.
 */
export function ErrorsView() {
  const { store } = useApp();
  const datasets = useAppState((s) => s.datasets);
  const overrides = useAppState((s) => s.overrides);
  const cohort = useAppState((s) => s.cohort);
  const sides = useMemo(() => performanceSides(datasets), [datasets]);
  const gaps = useMemo(() => (sides === null ? [] : errorsGaps(sides)), [sides]);
  const logTable = sides?.log.loaded.table ?? null;
  const task = sides?.log.schema.task ?? null;
  // A sort belongs to the log it was chosen on; a new log starts from the default.
  const [chosen, setChosen] = useState<{ table: string; sort: ErrorsSort } | null>(null);
  const sort = useMemo(
    () => (chosen !== null && chosen.table === logTable ? chosen.sort : defaultErrorsSort(task)),
    [chosen, logTable, task],
  );
  const request = useMemo(
    () => errorsRequestOf({ datasets, overrides, cohort }, sort),
    [datasets, overrides, cohort, sort],
  );
  const rows = useErrorsGrid(request);
  const [opened, setOpened] = useState<{ table: string; row: number } | null>(null);
  const openedRow = opened !== null && opened.table === logTable ? opened.row : null;
  const detailRequest = useMemo(
    () =>
      request === null || openedRow === null ? null : errorDetailRequestOf(request, openedRow),
    [request, openedRow],
  );
  const detail = useErrorDetail(detailRequest);
  const { summary, shape, failure } = rows;
  const columns = useMemo(
    () => (shape === null ? [] : gridColumns(shape.task, shape.columns)),
    [shape],
  );

  if (sides === null) {
    return <p className="muted">Open a log (or a current dataset) to see its wrong predictions.</p>;
  }
  if (gaps.length > 0) {
    return (
      <div className="errors-view">
        <div className="errors-gaps" role="status">
          {gaps.map((gap) => (
            <p key={gap}>{gap}</p>
          ))}
        </div>
      </div>
    );
  }

  const against = sides.reference === null ? 'log' : 'reference';
  const onSort = (by: string) => {
    if (logTable !== null) setChosen({ table: logTable, sort: nextErrorsSort(sort, by) });
  };
  const onOpen = (row: number) => {
    if (logTable !== null) setOpened({ table: logTable, row });
  };
  const onFilter = (column: string, value: Cell) => {
    const s = store.getState();
    s.setCohort(narrowCohort(s.cohort, column, [{ column, op: '=', value }]));
  };
  const capped = summary === null ? null : cappedNote(summary.total);

  return (
    <div
      className="errors-view"
      data-result-cohort={resultCohort(request?.where ?? [], summary !== null)}
    >
      <section className="errors-summary" aria-label="Errors summary">
        <p className="errors-headline">
          {summary === null
            ? failure === null
              ? 'Finding wrong predictions… (progress and cancel in the job bar)'
              : 'No wrong predictions listed yet.'
            : errorsHeadline({
                task: summary.task,
                total: summary.total,
                rowsInScope: summary.rowsInScope,
                cohort,
                order: sortWords(
                  sort,
                  summary.columns,
                  hasConfidence(summary.task, summary.columns),
                ),
              })}
        </p>
        {capped !== null && <p>{capped}</p>}
        <p className="muted">
          {`Click a row, or move to it with ↑ ↓ and press Enter, to compare its features with the ${against === 'reference' ? 'reference' : 'whole log (no reference is open)'}. Click a header to sort.`}
        </p>
      </section>
      {failure !== null && (
        <div className="errors-pending" role="alert">
          <p>
            {failure.error === null
              ? `Rows from ${failure.offset + 1} on were cancelled.`
              : `Rows from ${failure.offset + 1} on did not load: ${failure.error.message}`}
          </p>
          <button type="button" className="button-small" onClick={rows.retry}>
            Run again
          </button>
        </div>
      )}
      <div className={openedRow === null ? 'errors-layout' : 'errors-layout with-detail'}>
        {shape !== null && (summary === null || summary.total > 0) && (
          <ErrorsGrid
            rows={rows}
            columns={columns}
            sort={sort}
            onSort={onSort}
            opened={openedRow}
            onOpen={onOpen}
          />
        )}
        {openedRow !== null && (
          <ErrorDetailPanel
            row={openedRow}
            state={detail}
            against={against}
            onFilter={onFilter}
            onClose={() => setOpened(null)}
          />
        )}
      </div>
    </div>
  );
}
