import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  ErrorRow,
  ErrorsPage,
  ErrorsPageColumn,
} from '../../../shared/analyses/errors/errors-result.ts';
import type { ErrorsTask } from '../../../shared/analyses/errors/errors-spec.ts';
import type { FaultlineErrorData } from '../../../shared/errors.ts';
import { useApp } from '../../app/AppContext.ts';
import { requestKey } from '../../engine/session.ts';
import type { ErrorsRequest } from '../../engine/worker-protocol.ts';
import { gridRowCount, PAGE_ROWS, pageOffsetsFor, pageStart } from './page-math.ts';

/** What every page of a listing shares: its task, counts and columns. */
export interface ListingSummary {
  task: ErrorsTask;
  total: number;
  rowsInScope: number;
  columns: ErrorsPageColumn[];
}

/** A page that did not load: an error, or null when the user cancelled its job. */
export interface PageFailure {
  offset: number;
  error: FaultlineErrorData | null;
}

/** The Errors grid's rows as the view sees them: a few pages at a time, fetched on demand. */
export interface ErrorsGrid {
  /** The shown listing's key (its request's JSON); a new one resets the grid to the top. */
  listing: string | null;
  /** The shown listing's counts and columns; null until its first page is there. */
  summary: ListingSummary | null;
  /** The last summary of any listing: the grid keeps its columns while a new listing loads. */
  shape: ListingSummary | null;
  /** Rows the grid lays out (gridRowCount of the total); 0 while unknown. */
  count: number;
  /** The row at a grid index, or undefined while its page loads. */
  rowAt(index: number): ErrorRow | undefined;
  /** Tells which rows are in sight (first..last); their pages are fetched, others stopped. */
  showRange(first: number, last: number): void;
  failure: PageFailure | null;
  /** Loads the failed page again. */
  retry(): void;
}

/** Waits this long after the visible range settles, so a fling fetches only where it stops. */
const SETTLE_MS = 60;

const summaryOf = (page: ErrorsPage): ListingSummary => ({
  task: page.task,
  total: page.total,
  rowsInScope: page.rows_in_scope,
  columns: page.columns,
});

/**
 * The mispredictions of `request`, paged through the session: the first page tells the total;
 * the pages covering the visible range (and a margin) are fetched as it moves, a page that
 * leaves it stops loading, and a new listing stops them all. Loaded pages come from the
 * session's cache, so scrolling back shows rows at once.
 */
export function useErrorsGrid(request: ErrorsRequest | null): ErrorsGrid {
  const { session } = useApp();
  const listing = request === null ? null : requestKey(request);
  const pageRequest = useCallback(
    (offset: number) => (request === null ? null : { ...request, offset, limit: PAGE_ROWS }),
    // `listing` stands for the request.
    [listing],
  );
  const firstPage = useMemo(() => {
    const first = pageRequest(0);
    return first === null ? undefined : session.cachedErrorsPage(first);
  }, [pageRequest, session]);
  const [known, setKnown] = useState<{ listing: string; summary: ListingSummary } | null>(null);
  const summary = useMemo(() => {
    if (known !== null && known.listing === listing) return known.summary;
    return firstPage === undefined ? null : summaryOf(firstPage);
  }, [known, listing, firstPage]);
  const [shape, setShape] = useState<ListingSummary | null>(summary);
  const [range, setRange] = useState({ first: 0, last: 0 });
  const [failure, setFailure] = useState<PageFailure | null>(null);
  // Bumped when a page arrives: rows are read from the session's cache, not kept here.
  const [, setArrivals] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const loading = useRef(new Map<number, AbortController>());

  // A new listing: stop its predecessor's pages and start from the top.
  useEffect(() => {
    setFailure(null);
    setRange({ first: 0, last: 0 });
    const pages = loading.current;
    return () => {
      for (const controller of pages.values()) controller.abort();
      pages.clear();
    };
  }, [listing]);

  useEffect(() => {
    if (summary !== null) setShape(summary);
  }, [summary]);

  const count = summary === null ? 0 : gridRowCount(summary.total);

  useEffect(() => {
    if (listing === null || failure !== null) return;
    // Before the total is known, only the first page; it tells how many there are.
    const wanted =
      summary === null ? [0] : pageOffsetsFor(range.first, range.last, gridRowCount(summary.total));
    const pages = loading.current;
    for (const [offset, controller] of pages) {
      if (!wanted.includes(offset)) {
        controller.abort();
        pages.delete(offset);
      }
    }
    const missing = wanted.filter((offset) => {
      const page = pageRequest(offset);
      return page !== null && !pages.has(offset) && session.cachedErrorsPage(page) === undefined;
    });
    if (missing.length === 0) return;
    const timer = setTimeout(
      () => {
        for (const offset of missing) {
          const page = pageRequest(offset);
          if (page === null || pages.has(offset)) continue;
          const controller = new AbortController();
          pages.set(offset, controller);
          void session.errorsPage(page, controller.signal).then((outcome) => {
            if (pages.get(offset) === controller) pages.delete(offset);
            // Stopped here (out of sight, or an older listing): nothing to say.
            if (controller.signal.aborted) return;
            if (outcome.value !== null) {
              const value = outcome.value;
              if (listing !== null) setKnown({ listing, summary: summaryOf(value) });
              setArrivals((n) => n + 1);
            } else {
              setFailure({ offset, error: outcome.error });
            }
          });
        }
      },
      summary === null ? 0 : SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [listing, summary?.total, range.first, range.last, failure, attempt]);

  return {
    listing,
    summary,
    shape: summary ?? shape,
    count,
    rowAt(index) {
      const offset = pageStart(index);
      const page = pageRequest(offset);
      const cached = page === null ? undefined : session.cachedErrorsPage(page);
      return cached?.rows[index - offset];
    },
    showRange: useCallback((first: number, last: number) => {
      setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    }, []),
    failure,
    retry() {
      setFailure(null);
      setAttempt((n) => n + 1);
    },
  };
}
