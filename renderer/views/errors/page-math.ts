// Which rows the Errors grid asks the worker for: pages of PAGE_ROWS around what is in sight,
// never the whole log. Pure.

/** Rows per page: a few screens, one quick sorted LIMIT in DuckDB. */
export const PAGE_ROWS = 200;

/** Rows fetched beyond each end of the visible range, so a slow scroll rarely shows "…". */
export const PREFETCH_ROWS = 50;

/** The grid's row height in pixels; fixed, so a row's place is its index times this. */
export const ROW_HEIGHT = 28;

/**
 * The most rows the grid lays out: Chromium caps an element's height near 33.5 million pixels
 * (LayoutUnit), which at ROW_HEIGHT is about 1.2 million rows. Beyond that, the grid lists the
 * first MAX_GRID_ROWS and says so; a cohort or another sort reaches the rest.
 */
export const MAX_GRID_ROWS = 1_000_000;

/** How many rows the grid shows for `total` mispredictions. */
export function gridRowCount(total: number): number {
  return Math.max(0, Math.min(total, MAX_GRID_ROWS));
}

/** The offset of the page holding row `index`. */
export function pageStart(index: number, pageRows = PAGE_ROWS): number {
  return index - (index % pageRows);
}

/**
 * The offsets of the pages covering rows first..last (inclusive, each end widened by `margin`),
 * within 0..count-1, in order.
 */
export function pageOffsetsFor(
  first: number,
  last: number,
  count: number,
  margin = PREFETCH_ROWS,
  pageRows = PAGE_ROWS,
): number[] {
  if (count <= 0 || last < first) return [];
  const from = Math.max(0, first - margin);
  const to = Math.min(count - 1, last + margin);
  const offsets: number[] = [];
  for (let offset = pageStart(from, pageRows); offset <= to; offset += pageRows) {
    offsets.push(offset);
  }
  return offsets;
}

/**
 * The scrollTop that brings row `index` into sight under a sticky header of `headerHeight`
 * pixels, moving as little as possible: unchanged when the row is already wholly visible.
 */
export function scrollTopToShow(
  index: number,
  current: number,
  viewportHeight: number,
  headerHeight: number,
  rowHeight = ROW_HEIGHT,
): number {
  const top = headerHeight + index * rowHeight;
  if (top < current + headerHeight) return top - headerHeight;
  if (top + rowHeight > current + viewportHeight) return top + rowHeight - viewportHeight;
  return current;
}

/** Rows one Page Up or Page Down moves by: the body's height in rows, at least one. */
export function rowsPerPage(
  viewportHeight: number,
  headerHeight: number,
  rowHeight = ROW_HEIGHT,
): number {
  return Math.max(1, Math.floor((viewportHeight - headerHeight) / rowHeight) - 1);
}
