import type { ErrorRow } from '../../../shared/analyses/errors/errors-result.ts';
import { confidenceWidth, formatCell, formatConfidence } from './cell-format.ts';
import type { GridColumn } from './grid-columns.ts';

interface Props {
  id: string;
  index: number;
  /** The row's top in the body, in pixels (from the virtualizer). */
  top: number;
  template: string;
  columns: readonly GridColumn[];
  /** Undefined while its page loads: the row shows "…". */
  row: ErrorRow | undefined;
  selected: boolean;
  opened: boolean;
  onClick(): void;
}

function Cell({ column, row }: { column: GridColumn; row: ErrorRow }) {
  const className = column.numeric ? 'number' : undefined;
  switch (column.id) {
    case 'row':
      return (
        <div role="gridcell" className={className}>
          {row.row}
        </div>
      );
    case 'label':
      return <div role="gridcell">{formatCell(row.label)}</div>;
    case 'predicted':
      return (
        <div role="gridcell" className="errors-predicted">
          {formatCell(row.predicted)}
        </div>
      );
    case 'confidence':
      return (
        <div role="gridcell" className="errors-confidence">
          <span className="confidence-bar" aria-hidden="true">
            <span style={{ width: `${confidenceWidth(row.confidence)}%` }} />
          </span>
          <span className="number">{formatConfidence(row.confidence)}</span>
        </div>
      );
    case 'error':
      return (
        <div role="gridcell" className={className}>
          {row.error === null ? formatCell(null) : formatCell(row.error)}
        </div>
      );
    default: {
      const name = column.column?.name ?? '';
      const value = row.values[name] ?? null;
      const text = formatCell(value, column.column ?? undefined);
      return (
        <div role="gridcell" className={className} title={text}>
          {text}
        </div>
      );
    }
  }
}

/** One row of the errors grid, absolutely placed at `top`; "…" while its page loads. */
export function ErrorsGridRow({
  id,
  index,
  top,
  template,
  columns,
  row,
  selected,
  opened,
  onClick,
}: Props) {
  const className = [
    'errors-grid-row',
    row === undefined ? 'loading' : '',
    selected ? 'selected' : '',
    opened ? 'opened' : '',
  ]
    .filter((c) => c !== '')
    .join(' ');
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={className}
      style={{ transform: `translateY(${top}px)`, gridTemplateColumns: template }}
      onClick={onClick}
      data-row={row?.row}
    >
      {row === undefined ? (
        <div role="gridcell" aria-colspan={columns.length} className="errors-loading">
          …
        </div>
      ) : (
        columns.map((c) => <Cell key={c.id} column={c} row={row} />)
      )}
    </div>
  );
}
