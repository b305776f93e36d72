import { useRef, useState, type KeyboardEvent } from 'react';
import type { ColumnRole } from '../../../shared/schema/column-role.ts';
import { rovingIndex } from '../../app/roving-index.ts';
import type { OpenDataset } from '../../store/datasets-slice.ts';
import { ColumnRow } from './ColumnRow.tsx';

/**
 * A dataset's columns, one row each. The rows are one tab stop: Up/Down, Home and End move
 * between them, Enter goes to the row's role menu (which Tab also reaches).
 */
export function ColumnTable({
  dataset,
  onRoleChange,
}: {
  dataset: OpenDataset;
  onRoleChange: (column: string, role: ColumnRole) => void;
}) {
  const columns = dataset.schema.columns;
  const [focusIndex, setFocusIndex] = useState(0);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = event.target;
    // Keys pressed in the role menu belong to the menu.
    if (!(row instanceof HTMLTableRowElement)) return;
    if (event.key === 'Enter') {
      row.querySelector('select')?.focus();
      event.preventDefault();
      return;
    }
    const next = rovingIndex(event.key, row.sectionRowIndex, columns.length, 'vertical');
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    bodyRef.current?.rows[next]?.focus();
  };

  return (
    <table
      className="data-table"
      data-testid={`columns-${dataset.side}`}
      aria-label={`Columns of ${dataset.name}`}
    >
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Type</th>
          <th scope="col">Kind</th>
          <th scope="col">Role</th>
          <th scope="col" className="number">
            Nulls
          </th>
          <th scope="col" className="number">
            Distinct
          </th>
          <th scope="col">Range</th>
          <th scope="col">Shape</th>
        </tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {columns.map((column, i) => (
          <ColumnRow
            key={column.name}
            column={column}
            shape={dataset.shapes[column.name]}
            tabbable={i === Math.min(focusIndex, columns.length - 1)}
            onRoleChange={(role) => onRoleChange(column.name, role)}
            onFocus={() => setFocusIndex(i)}
          />
        ))}
      </tbody>
    </table>
  );
}
