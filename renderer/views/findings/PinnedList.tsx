import type { PinnedResult } from '../../../shared/investigation/investigation.ts';
import type { Pin } from '../../../shared/investigation/investigation.ts';
import { formatCount, formatNumber } from '../../format/numbers.ts';

/** A pinned slice's primary metric now and in the reference, and since when it stays worse. */
function pinnedWords(result: PinnedResult | undefined): string {
  if (result === undefined) return 'measuring…';
  const { performance, skipped } = result;
  if (performance === null) return skipped ?? 'not measured';
  const metric = performance.primary_metric;
  const overall = performance.overall;
  const value = overall.metrics[metric];
  const baseline = overall.delta?.metrics[metric].baseline ?? null;
  const parts = [
    `${formatCount(overall.rows)} rows`,
    `${metric} ${value === null ? '—' : formatNumber(value)}` +
      (baseline === null ? '' : ` (reference ${formatNumber(baseline)})`),
  ];
  if (performance.since) parts.push(`worse since ${performance.since.window}`);
  if (overall.too_small) parts.push('too small to judge');
  return parts.join(' · ');
}

interface Props {
  pins: readonly Pin[];
  results: readonly PinnedResult[];
  onUnpin(name: string): void;
}

/** The slices and cohorts the analyst pinned: each measured on its own, kept in the workspace. */
export function PinnedList({ pins, results, onUnpin }: Props) {
  return (
    <section className="findings-pinned" aria-label="Pinned slices and cohorts">
      <h2>Pinned</h2>
      {pins.length === 0 ? (
        <p className="muted">
          Nothing pinned. Pin a finding, a cohort or a slice to keep it in the report and export it
          as regression fixtures.
        </p>
      ) : (
        <ul>
          {pins.map((pin) => (
            <li key={pin.name} data-testid="pinned">
              <span className="pin-kind">{pin.kind}</span>
              <strong>{pin.name}</strong>
              <span className="muted">
                {pinnedWords(results.find((r) => r.pin.name === pin.name))}
              </span>
              <button
                type="button"
                className="button-small"
                onClick={() => onUnpin(pin.name)}
                aria-label={`Unpin ${pin.name}`}
              >
                Unpin
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
