import { useEffect, useState } from 'react';
import { cacheViewOf, requestKey, type CachedMethod } from '../engine/session.ts';
import type { ArgsOf, ResultOf } from '../engine/worker-protocol.ts';
import { useApp, useAppState } from './AppContext.ts';

/** A cached analysis as a view sees it: its result for the request, or how its job ended. */
export interface CachedAnalysis<R> {
  /** The result for the request, once the store holds it. */
  result: R | undefined;
  /** The request's job ended without a result (failed or cancelled). */
  ended: boolean;
  /** Runs the request again after a failure or a cancel. */
  retry(): void;
}

/** The session's call for each cached analysis. */
type CachedCalls = { [M in CachedMethod]: (request: ArgsOf<M>) => Promise<void> };

/**
 * The result of `method` for `request`, read from the store's cache (cacheViewOf) and requested
 * through the session when missing; null asks for nothing.
 */
export function useCachedAnalysis<M extends CachedMethod>(
  method: M,
  request: ArgsOf<M> | null,
): CachedAnalysis<ResultOf<M>> {
  const { session } = useApp();
  const key = request === null ? null : requestKey(request);
  const entry = useAppState((s) =>
    key === null ? undefined : s.viewResults[cacheViewOf[method]]?.[key],
  );
  const result = entry?.result as ResultOf<M> | undefined;
  // The request whose job ended without a result: offer to run it again.
  const [endedKey, setEndedKey] = useState<string | null>(null);

  const run = (r: ArgsOf<M>) => {
    setEndedKey(null);
    const calls: CachedCalls = session;
    void calls[method](r).then(() => setEndedKey(requestKey(r)));
  };
  const missing = request !== null && entry === undefined;
  // While shown, the request is wanted: a new cohort filter does not cancel it as obsolete.
  useEffect(() => {
    if (request !== null) return session.want(method, request);
  }, [key]);
  useEffect(() => {
    if (request !== null && missing) run(request);
    // `key` stands for the request: the same key is the same request.
  }, [key, missing]);

  return {
    result,
    ended: key !== null && endedKey === key && result === undefined,
    retry: () => {
      if (request !== null) run(request);
    },
  };
}
