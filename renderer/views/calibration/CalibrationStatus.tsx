import type { CalibrationState } from './use-calibration.ts';

/**
 * What stands in for the Calibration view's content until its result is there: what the log
 * lacks, the running job, or a failed or cancelled job with a way to run it again. Null when the
 * result is there.
 */
export function CalibrationStatus({ state }: { state: CalibrationState }) {
  if (state.sides === null) {
    return (
      <p className="muted">
        Open a log (or a current dataset) to see how well its scores are calibrated.
      </p>
    );
  }
  if (state.sides.gaps.length > 0) {
    return (
      <div className="performance-gaps" role="status">
        {state.sides.gaps.map((gap) => (
          <p key={gap}>{gap}</p>
        ))}
      </div>
    );
  }
  if (state.result !== undefined) return null;
  return (
    <div className="performance-pending">
      {state.ended ? (
        <>
          <p>No calibration result: the analysis failed or was cancelled (see above).</p>
          <button type="button" className="button-small" onClick={state.retry}>
            Run again
          </button>
        </>
      ) : (
        <p className="muted">Measuring calibration… (progress and cancel in the job bar)</p>
      )}
    </div>
  );
}
