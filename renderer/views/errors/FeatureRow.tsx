import type { ErrorFeature } from '../../../shared/analyses/errors/errors-result.ts';
import { formatCell } from './cell-format.ts';
import { comparisonWords, featureTone, filterableValue, gaugePosition } from './feature-gauge.ts';

interface Props {
  feature: ErrorFeature;
  /** Makes `feature = value` the active cohort; absent when the value cannot be a filter. */
  onFilter?: () => void;
}

/**
 * One feature of a row: its name over its value, then where it sits among the compared values: a 0-100 gauge
 * with a marker at its percentile (numbers and times), or the share of rows holding it
 * (categories); red beyond the range or the 1st/99th percentile and for a category never seen.
 */
export function FeatureRow({ feature, onFilter }: Props) {
  const tone = featureTone(feature);
  const words = comparisonWords(feature);
  return (
    <tr className={`feature-${tone}`} data-feature={feature.name}>
      <th scope="row">
        <span className="column-name">{feature.name}</span>
        <span className="feature-value">{formatCell(feature.value)}</span>
      </th>
      <td>
        <div className="feature-place">
          {feature.percentile !== null && !feature.missing ? (
            <span
              className="percentile-gauge"
              role="img"
              aria-label={`${words} of ${feature.reference_n.toLocaleString('en-US')} compared values`}
            >
              <span className="gauge-track" aria-hidden="true">
                <span className="gauge-tick" style={{ left: '50%' }} />
                <span
                  className="gauge-marker"
                  style={{ left: `${gaugePosition(feature.percentile)}%` }}
                />
              </span>
            </span>
          ) : feature.reference_share !== null && !feature.missing ? (
            <span className="share-bar" aria-hidden="true">
              <span style={{ width: `${gaugePosition(feature.reference_share)}%` }} />
            </span>
          ) : null}
          <span className="feature-words">{words}</span>
        </div>
      </td>
      <td className="feature-action">
        {onFilter !== undefined && filterableValue(feature) && (
          <button
            type="button"
            className="button-small"
            onClick={onFilter}
            aria-label={`Filter to ${feature.name} = ${formatCell(feature.value)}`}
            title={`Make ${feature.name} = ${formatCell(feature.value)} the active cohort`}
          >
            Filter
          </button>
        )}
      </td>
    </tr>
  );
}
