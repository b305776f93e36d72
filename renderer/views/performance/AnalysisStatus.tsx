import { AnalysisPending } from '../../app/AnalysisPending.tsx';
import type { PerformanceState } from './use-performance.ts';

interface Props {
  /** The analysis in words: "performance" in "Measuring performance…". */
  what: string;
  /** What a log is opened for, in "Open a log (or a current dataset) to …". */
  purpose: string;
  state: Pick<PerformanceState, 'sides' | 'gaps' | 'ended' | 'retry'>;
  /** Whether the result is there. */
  done: boolean;
}

/**
 * What stands in for a log view's content (Cohorts, Timeline, Calibration) until its result is
 * there: what to open, what the log lacks, the running job, or a failed or cancelled job with a
 * way to run it again. Null when the result is there.
 */
export function AnalysisStatus({ what, purpose, state, done }: Props) {
  if (state.sides === null) {
    return <p className="muted">{`Open a log (or a current dataset) to ${purpose}.`}</p>;
  }
  if (state.gaps.length > 0) {
    return (
      <div className="performance-gaps" role="status">
        {state.gaps.map((gap) => (
          <p key={gap}>{gap}</p>
        ))}
      </div>
    );
  }
  if (done) return null;
  return (
    <AnalysisPending
      what={what}
      className="performance-pending"
      ended={state.ended}
      onRetry={state.retry}
    />
  );
}
