import type { PerformanceState } from './use-performance.ts';

/**
 * What stands in for a performance view's content until its result is there: what the data
 * lacks, the running job, or a failed or cancelled job with a way to run it again. Null when the
 * result is there.
 */
export function PerformanceStatus({ state }: { state: PerformanceState }) {
  if (state.sides === null) {
    return (
      <p className="muted">Open a log (or a current dataset) to see how the model performs.</p>
    );
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
  if (state.table !== undefined) return null;
  return (
    <div className="performance-pending">
      {state.ended ? (
        <>
          <p>No performance result: the analysis failed or was cancelled (see above).</p>
          <button type="button" className="button-small" onClick={state.retry}>
            Run again
          </button>
        </>
      ) : (
        <p className="muted">Measuring performance… (progress and cancel in the job bar)</p>
      )}
    </div>
  );
}
