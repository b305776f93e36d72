/** A sortable table's order: the column it is sorted by and the direction. */
export interface TableSort<K extends string> {
  key: K;
  descending: boolean;
}

/**
 * A click on a header: the same key flips the direction, a new key starts at its natural one
 * (descending where `startsDescending` says so).
 */
export function nextTableSort<K extends string>(
  sort: TableSort<K>,
  key: K,
  startsDescending: (key: K) => boolean,
): TableSort<K> {
  if (sort.key === key) return { key, descending: !sort.descending };
  return { key, descending: startsDescending(key) };
}

/**
 * How one key orders rows: by their rank (the analysis's order), by a number that may be missing,
 * or by a comparison of its own.
 */
export type RowOrder<T> =
  'rank' | { measure(row: T): number | null } | { compare(a: T, b: T): number };

/**
 * The rows in `sort`'s order, given each key's RowOrder and each row's rank. Rows without the
 * measure go last in either direction, and ties keep the ranked order.
 */
export function sortTableRows<T, K extends string>(
  rows: readonly T[],
  sort: TableSort<K>,
  orders: Record<K, RowOrder<T>>,
  rank: (row: T) => number,
): T[] {
  const order: RowOrder<T> = orders[sort.key];
  const sign = sort.descending ? -1 : 1;
  const compare = (a: T, b: T): number => {
    const tie = rank(a) - rank(b);
    if (order === 'rank') return sign * tie;
    if ('compare' in order) return sign * order.compare(a, b) || tie;
    const x = order.measure(a);
    const y = order.measure(b);
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || tie;
    return sign * (x - y) || tie;
  };
  return [...rows].sort(compare);
}
