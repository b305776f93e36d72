import { useMemo, useState } from 'react';
import { useAppState } from '../../app/AppContext.ts';
import { useCachedAnalysis, type CachedAnalysis } from '../../app/use-cached-analysis.ts';
import { FINDINGS_VIEW, requestKey } from '../../engine/session.ts';
import type { InvestigateRequest, InvestigationReply } from '../../engine/worker-protocol.ts';
import { performanceSides } from '../performance/performance-sides.ts';
import { investigateRequestOf } from './findings-request.ts';

/**
 * The most rows of the log investigated as soon as the view opens: every analysis at once takes
 * seconds up to here, minutes on a 10M-row log, so beyond it the analyst starts it.
 */
export const AUTO_INVESTIGATE_MAX_ROWS = 500_000;

/** The investigation as the Findings view sees it. */
export interface FindingsState extends CachedAnalysis<InvestigationReply> {
  request: InvestigateRequest | null;
  /** The log is too large to investigate unasked, and nothing was asked yet. */
  waiting: { rows: number } | null;
  /** Starts the investigation of a large log. */
  start(): void;
}

/** The investigation of the open datasets, requested when missing (cached by request). */
export function useFindings(): FindingsState {
  const [asked, setAsked] = useState(false);
  const datasets = useAppState((s) => s.datasets);
  const overrides = useAppState((s) => s.overrides);
  const cohort = useAppState((s) => s.cohort);
  const canaryChoices = useAppState((s) => s.canaryChoices);
  const pins = useAppState((s) => s.pins);
  const request = useMemo(
    () => investigateRequestOf({ datasets, overrides, cohort, canaryChoices, pins }),
    [datasets, overrides, cohort, canaryChoices, pins],
  );
  const rows = performanceSides(datasets)?.log.loaded.rows ?? 0;
  const waits = !asked && rows > AUTO_INVESTIGATE_MAX_ROWS;
  const cached = useCachedAnalysis('investigate', waits ? null : request);
  // A result cached earlier (the analyst asked, left, came back) shows without asking again.
  const held = useAppState((s) =>
    request === null ? undefined : s.viewResults[FINDINGS_VIEW]?.[requestKey(request)],
  );
  return {
    request,
    ...cached,
    result: cached.result ?? (held?.result as InvestigationReply | undefined),
    waiting: waits && held === undefined ? { rows } : null,
    start: () => setAsked(true),
  };
}
