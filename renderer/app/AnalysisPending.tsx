interface Props {
  /** The analysis in words: "drift" in "Measuring drift…" and "No drift result". */
  what: string;
  /** What failed, in "the analysis failed or was cancelled". */
  work?: string;
  className: string;
  /** The job ended without a result (failed or cancelled). */
  ended: boolean;
  onRetry(): void;
}

/**
 * What stands in for a view's result while its analysis runs (progress and cancel are in the job
 * bar), or once its job failed or was cancelled, with a way to run it again.
 */
export function AnalysisPending({ what, work = 'analysis', className, ended, onRetry }: Props) {
  return (
    <div className={className}>
      {ended ? (
        <>
          <p>{`No ${what} result: the ${work} failed or was cancelled (see above).`}</p>
          <button type="button" className="button-small" onClick={onRetry}>
            Run again
          </button>
        </>
      ) : (
        <p className="muted">{`Measuring ${what}… (progress and cancel in the job bar)`}</p>
      )}
    </div>
  );
}
