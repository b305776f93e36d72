import { useEffect, useMemo, useState } from 'react';
import type { ErrorDetail } from '../../../shared/analyses/errors/errors-result.ts';
import { useApp } from '../../app/AppContext.ts';
import { requestKey } from '../../engine/session.ts';
import type { ErrorDetailRequest } from '../../engine/worker-protocol.ts';

/** One row's detail as the panel sees it. */
export interface ErrorDetailState {
  detail: ErrorDetail | undefined;
  /** The request's job ended without a detail (failed or cancelled). */
  ended: boolean;
  /** Asks for the detail again after a failure or a cancel. */
  retry(): void;
}

/** The detail of `request`'s row: from the session's cache at once, else asked for as a job. */
export function useErrorDetail(request: ErrorDetailRequest | null): ErrorDetailState {
  const { session } = useApp();
  const key = request === null ? null : requestKey(request);
  const [answered, setAnswered] = useState<{ key: string; detail: ErrorDetail | null } | null>(
    null,
  );
  const [attempt, setAttempt] = useState(0);
  // `key` stands for the request.
  const cached = useMemo(
    () => (request === null ? undefined : session.cachedErrorDetail(request)),
    [key, session, answered],
  );

  useEffect(() => {
    if (request === null || key === null || cached !== undefined) return;
    let current = true;
    void session.errorDetail(request).then((outcome) => {
      if (current) setAnswered({ key, detail: outcome.value });
    });
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const mine = answered !== null && answered.key === key ? answered : null;
  return {
    detail: cached ?? mine?.detail ?? undefined,
    ended: cached === undefined && mine !== null && mine.detail === null,
    retry: () => {
      setAnswered(null);
      setAttempt((n) => n + 1);
    },
  };
}
