import type { ErrorDetail } from '../../../shared/analyses/errors/errors-result.ts';
import { formatCell, formatConfidence } from './cell-format.ts';
import { FeatureRow } from './FeatureRow.tsx';
import type { ErrorDetailState } from './use-error-detail.ts';

interface Props {
  row: number;
  state: ErrorDetailState;
  /** Whether the features are compared with the reference or with the log itself. */
  against: 'reference' | 'log';
  onFilter(column: string, value: ErrorDetail['features'][number]['value']): void;
  onClose(): void;
}

/**
 * A row's detail beside the grid: label against prediction and the confidence, the sentences
 * about its most unusual features, then every feature with its place among the compared values.
 */
export function ErrorDetailPanel({ row, state, against, onFilter, onClose }: Props) {
  const { detail } = state;
  return (
    <aside className="error-detail" aria-label={`Row ${row}`}>
      <header className="error-detail-head">
        <h2>Row {row}</h2>
        <button type="button" className="button-small" onClick={onClose}>
          Close
        </button>
      </header>
      {detail === undefined ? (
        state.ended ? (
          <div className="errors-pending">
            <p>No detail for this row: it failed or was cancelled (see above).</p>
            <button type="button" className="button-small" onClick={state.retry}>
              Run again
            </button>
          </div>
        ) : (
          <p className="muted">Comparing its features with the {against}…</p>
        )
      ) : (
        <>
          <dl className="error-outcome">
            <div>
              <dt>Label</dt>
              <dd>{formatCell(detail.label)}</dd>
            </div>
            <div>
              <dt>Predicted</dt>
              <dd className="errors-predicted">{formatCell(detail.predicted)}</dd>
            </div>
            {detail.confidence !== null && (
              <div>
                <dt>Confidence</dt>
                <dd>{formatConfidence(detail.confidence)}</dd>
              </div>
            )}
            {/* Binary: a wrong row's |y - score| is its confidence; said once. */}
            {detail.error !== null && detail.confidence === null && (
              <div>
                <dt>Error</dt>
                <dd>{formatCell(detail.error)}</dd>
              </div>
            )}
          </dl>
          <ul className="error-text" aria-label="What stands out">
            {detail.text.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          <table className="data-table error-features" aria-label={`Features of row ${row}`}>
            <caption>
              {`Each feature against the ${detail.compared_with}: its percentile (numbers, times: the tick is the median, the tinted ends the outer 5%) or its share of rows (categories)`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Feature and value</th>
                <th scope="col">In the {detail.compared_with}</th>
                <th scope="col">
                  <span className="visually-hidden">Filter</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {detail.features.map((f) => (
                <FeatureRow key={f.name} feature={f} onFilter={() => onFilter(f.name, f.value)} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </aside>
  );
}
