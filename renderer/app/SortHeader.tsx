import type { TableSort } from './table-sort.ts';

interface Props<K extends string> {
  label: string;
  sortKey: K;
  sort: TableSort<K>;
  /** Called with this header's key on a click. */
  onSort(key: K): void;
  number?: boolean;
  title?: string;
  /** A sort that shows no arrow while it is the one in use: the analysis's own order. */
  unmarked?: TableSort<K>;
}

/** A sortable column header: a button that sorts by its key, with an arrow while it does. */
export function SortHeader<K extends string>({
  label,
  sortKey,
  sort,
  onSort,
  number = false,
  title,
  unmarked,
}: Props<K>) {
  const active = sort.key === sortKey && sort !== unmarked;
  return (
    <th
      scope="col"
      className={number ? 'number' : undefined}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button type="button" className="sort-header" title={title} onClick={() => onSort(sortKey)}>
        {label}
        {active && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
      </button>
    </th>
  );
}
