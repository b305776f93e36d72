import type { ErrorDetail, ErrorsPage } from '../../shared/analyses/errors/errors-result.ts';
import { errorDataOf, type FaultlineErrorData } from '../../shared/errors.ts';
import type { AppStore } from '../store/store.ts';
import { lruCache } from './lru-cache.ts';
import type { CallOptions, WorkerClient } from './worker-client.ts';
import type { ErrorDetailRequest, ErrorsPageRequest, ErrorsRequest } from './worker-protocol.ts';

/** What came of a call: its value, or its error (null when it was cancelled or made obsolete). */
export type Outcome<T> =
  { value: T; error: null } | { value: null; error: FaultlineErrorData | null };

/** The Errors view's calls: pages and row details, each kept in a small cache of its own. */
export interface ErrorsSession {
  /**
   * A page of the log's mispredictions, from the cache or the worker. A page of a new listing
   * (other datasets, filter or sort) stops every page still loading for an older one; `signal`
   * stops this one (a page scrolled out of sight). The first page of a listing runs as a job.
   */
  errorsPage(request: ErrorsPageRequest, signal?: AbortSignal): Promise<Outcome<ErrorsPage>>;
  /** The page if it is cached, at once: scrolling back shows rows without waiting. */
  cachedErrorsPage(request: ErrorsPageRequest): ErrorsPage | undefined;
  /** A row's detail as a job, from the cache or the worker; a newer row cancels an older one. */
  errorDetail(request: ErrorDetailRequest): Promise<Outcome<ErrorDetail>>;
  /** The row's detail if it is cached. */
  cachedErrorDetail(request: ErrorDetailRequest): ErrorDetail | undefined;
}

/** Pages kept: 50 of 200 rows is 10,000 rows, a long way back up the grid. */
export const ERRORS_PAGE_CACHE = 50;

/** Row details kept. */
export const ERROR_DETAIL_CACHE = 50;

/** Runs work as a job in the store (session.ts's runJob); true when it finished. */
export type RunJob = (
  label: string,
  work: (opts: Required<CallOptions>) => Promise<void>,
  onStart?: (jobId: string) => void,
) => Promise<boolean>;

const key = (request: unknown): string => JSON.stringify(request);

/** The listing a page belongs to: the request without its offset and limit. */
export function listingKey(request: ErrorsPageRequest): string {
  const listing: ErrorsRequest = {
    log: request.log,
    reference: request.reference,
    where: request.where,
    sort: request.sort,
  };
  return key(listing);
}

const cancelled = { value: null, error: null } as const;

/** The Errors view's side of the session, over the session's store, worker client and jobs. */
export function createErrorsSession(
  store: AppStore,
  client: WorkerClient,
  runJob: RunJob,
): ErrorsSession {
  const pages = lruCache<ErrorsPage>(ERRORS_PAGE_CACHE);
  const details = lruCache<ErrorDetail>(ERROR_DETAIL_CACHE);
  /** The listing whose pages were asked for last; pages of any other are obsolete. */
  let listed: string | null = null;
  /** The listing a page last arrived for: its further pages load without a job. */
  let loaded: string | null = null;
  /** Pages loading, each with its listing and a way to stop it. */
  const loading = new Set<{ listing: string; stop(): void }>();
  let detailJob: { key: string; jobId: string; done: Promise<Outcome<ErrorDetail>> } | null = null;

  const jobOutcome = <T>(jobId: string, value: T | null): Outcome<T> => {
    const job = store.getState().jobs[jobId];
    if (value !== null && job?.state === 'done') return { value, error: null };
    return { value: null, error: job?.state === 'failed' ? job.error : null };
  };

  /** The first page of a listing scans and sorts the whole filtered log: a job, with Cancel. */
  async function pageAsJob(
    request: ErrorsPageRequest,
    listing: string,
    signal: AbortSignal | undefined,
  ): Promise<Outcome<ErrorsPage>> {
    let page: ErrorsPage | null = null;
    let jobId = '';
    const entry = { listing, stop: () => store.getState().cancelJob(jobId) };
    const label =
      request.where.length > 0
        ? 'Finding wrong predictions within the cohort'
        : 'Finding wrong predictions';
    await runJob(
      label,
      async (opts) => {
        const found = await client.call('errorsPage', request, opts);
        if (!opts.signal.aborted) page = found;
      },
      (id) => {
        jobId = id;
        loading.add(entry);
        signal?.addEventListener('abort', entry.stop, { once: true });
        if (signal?.aborted) entry.stop();
      },
    );
    loading.delete(entry);
    signal?.removeEventListener('abort', entry.stop);
    return jobOutcome(jobId, page);
  }

  /** A further page, loaded while scrolling: no job comes and goes in the job bar for it. */
  async function pageQuietly(
    request: ErrorsPageRequest,
    listing: string,
    signal: AbortSignal | undefined,
  ): Promise<Outcome<ErrorsPage>> {
    const controller = new AbortController();
    const stop = () => controller.abort();
    const entry = { listing, stop };
    loading.add(entry);
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    try {
      const page = await client.call('errorsPage', request, { signal: controller.signal });
      return controller.signal.aborted ? cancelled : { value: page, error: null };
    } catch (e) {
      return controller.signal.aborted ? cancelled : { value: null, error: errorDataOf(e) };
    } finally {
      loading.delete(entry);
      signal?.removeEventListener('abort', stop);
    }
  }

  return {
    async errorsPage(request, signal) {
      const listing = listingKey(request);
      if (listing !== listed) {
        // A new filter, sort or dataset: what was loading for the old listing is not wanted.
        for (const entry of loading) if (entry.listing !== listing) entry.stop();
        listed = listing;
      }
      const pageKey = key(request);
      const cached = pages.get(pageKey);
      if (cached !== undefined) {
        loaded = listing;
        return { value: cached, error: null };
      }
      const outcome =
        loaded === listing
          ? await pageQuietly(request, listing, signal)
          : await pageAsJob(request, listing, signal);
      if (outcome.value !== null) {
        pages.set(pageKey, outcome.value);
        loaded = listing;
      }
      return outcome;
    },
    cachedErrorsPage: (request) => pages.get(key(request)),
    async errorDetail(request) {
      const detailKey = key(request);
      const cached = details.get(detailKey);
      if (cached !== undefined) return { value: cached, error: null };
      if (detailJob?.key === detailKey) return detailJob.done;
      if (detailJob !== null) store.getState().cancelJob(detailJob.jobId);
      let detail: ErrorDetail | null = null;
      let jobId = '';
      const against = request.reference === null ? 'the log' : 'the reference';
      const done = runJob(
        `Comparing row ${request.row} with ${against}`,
        async (opts) => {
          const found = await client.call('errorDetail', request, opts);
          if (!opts.signal.aborted) detail = found;
        },
        (id) => {
          jobId = id;
        },
      ).then(() => {
        if (detailJob?.key === detailKey) detailJob = null;
        const outcome = jobOutcome(jobId, detail);
        if (outcome.value !== null) details.set(detailKey, outcome.value);
        return outcome;
      });
      // runJob called onStart synchronously, so the job id is known here.
      detailJob = { key: detailKey, jobId, done };
      return done;
    },
    cachedErrorDetail: (request) => details.get(key(request)),
  };
}
