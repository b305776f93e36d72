import type { ColumnRole } from '../../../shared/schema/column-role.ts';
import type { ColumnShape } from '../../../shared/schema/column-shape.ts';
import type { SchemaColumn } from '../../../shared/schema/dataset-schema.ts';
import { formatCount } from '../../format/numbers.ts';
import { formatNulls, formatRange } from './column-cells.ts';
import { columnRoles, isKeyRole, roleFromValue, roleHints } from './column-roles.ts';
import { sparklineOf } from './sparkline.ts';
import { Sparkline } from './Sparkline.tsx';

/** One column of the table: its facts, its role (editable, with the reason) and its shape. */
export function ColumnRow({
  column,
  shape,
  tabbable,
  onRoleChange,
  onFocus,
}: {
  column: SchemaColumn;
  shape: ColumnShape | undefined;
  /** The row that Tab reaches (the table's one tab stop among its rows). */
  tabbable: boolean;
  onRoleChange: (role: ColumnRole) => void;
  onFocus: () => void;
}) {
  const sparkline = sparklineOf(column, shape);
  const key = isKeyRole(column.role);
  return (
    <tr
      className={key ? 'column-row key-role' : 'column-row'}
      data-role={column.role}
      tabIndex={tabbable ? 0 : -1}
      onFocus={onFocus}
    >
      <th scope="row" className="column-name">
        {column.name}
      </th>
      <td className="column-type">{column.type}</td>
      <td className="column-kind" title={column.kindReason}>
        {column.kind}
      </td>
      <td className="column-role">
        <select
          aria-label={`role of ${column.name}`}
          value={column.role}
          onChange={(event) => {
            const role = roleFromValue(event.currentTarget.value);
            if (role !== null) onRoleChange(role);
          }}
        >
          {columnRoles.map((role) => (
            <option key={role} value={role} title={roleHints[role]}>
              {role}
            </option>
          ))}
        </select>
        <small className="reason">{column.roleReason}</small>
      </td>
      <td className="number">{formatNulls(column)}</td>
      <td className="number">{formatCount(column.distinct)}</td>
      <td className="column-range">{formatRange(column)}</td>
      <td className="column-shape">{sparkline !== null && <Sparkline data={sparkline} />}</td>
    </tr>
  );
}
