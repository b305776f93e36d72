import { DEFAULT_GUARDRAILS } from '../../../shared/analyses/canary/canary-guardrails.ts';
import type { CanaryDesign } from '../../../shared/analyses/canary/canary-result.ts';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { WindowSelect } from '../../app/WindowSelect.tsx';
import type { CanaryChoices } from '../../store/canary-choices-slice.ts';
import { hasTimeColumn, segmentCandidates } from './canary-request.ts';
import { chosenVersions, type CanarySides } from './canary-sides.ts';
import { GuardrailsEditor } from './GuardrailsEditor.tsx';

const designs: { value: CanaryDesign | 'auto'; label: string }[] = [
  { value: 'auto', label: 'auto (shadow when both hold the same ids)' },
  { value: 'split', label: 'split traffic (different rows)' },
  { value: 'shadow', label: 'shadow (the same rows, joined by id)' },
];

/**
 * The Canary view's choices: the two versions (one log split by its model column), the segment
 * columns, the design, the windows of the checks over time, and the guardrails in a panel.
 */
export function CanaryControls({ sides }: { sides: CanarySides }) {
  const { store } = useApp();
  const choices = useAppState((s) => s.canaryChoices);
  const choose = (c: Partial<Omit<CanaryChoices, 'guardrails'>>) =>
    store.getState().chooseCanary(c);
  const candidates = segmentCandidates(sides);
  const segments = choices.by?.filter((c) => candidates.includes(c)) ?? candidates;
  const toggleSegment = (column: string, on: boolean) => {
    const by = candidates.filter((c) => (c === column ? on : segments.includes(c)));
    // Every candidate is the core's default: asked as such, it is the same request.
    choose({ by: by.length === candidates.length ? null : by });
  };
  const guardrailsEdited =
    JSON.stringify(choices.guardrails) !== JSON.stringify(DEFAULT_GUARDRAILS);
  return (
    <div className="canary-controls">
      <div className="performance-toolbar">
        {sides.kind === 'model_column' && (
          <VersionSelects sides={sides} choices={choices} onChoose={choose} />
        )}
        <details className="canary-segments">
          <summary>
            Segments:{' '}
            {choices.by === null
              ? `every categorical input with 2 to 20 values (${candidates.length})`
              : segments.length === 0
                ? 'none (all rows only)'
                : segments.join(', ')}
          </summary>
          <div className="canary-segment-list" role="group" aria-label="Segment columns">
            {candidates.length === 0 && (
              <p className="muted">No categorical input with 2 to 20 values.</p>
            )}
            {candidates.map((column) => (
              <label key={column}>
                <input
                  type="checkbox"
                  checked={segments.includes(column)}
                  onChange={(e) => toggleSegment(column, e.target.checked)}
                />{' '}
                {column}
              </label>
            ))}
          </div>
        </details>
        <label>
          Design{' '}
          <select
            value={choices.design}
            onChange={(e) => choose({ design: e.target.value as CanaryDesign | 'auto' })}
          >
            {designs.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        {hasTimeColumn(sides) && (
          <WindowSelect
            label="Windows by"
            value={choices.window}
            onChange={(window) => choose({ window })}
          />
        )}
      </div>
      <details className="canary-guardrails">
        <summary>Guardrails{guardrailsEdited ? ' (edited)' : ' (STATS.md defaults)'}</summary>
        <GuardrailsEditor />
      </details>
    </div>
  );
}

/** The baseline and canary versions, from the model column's values. */
function VersionSelects({
  sides,
  choices,
  onChoose,
}: {
  sides: Extract<CanarySides, { kind: 'model_column' }>;
  choices: CanaryChoices;
  onChoose(c: Partial<CanaryChoices>): void;
}) {
  const versions = chosenVersions(sides.versions, choices);
  return (
    <>
      <label title={`The baseline's value of ${sides.column}`}>
        Baseline{' '}
        <select value={versions.baseline} onChange={(e) => onChoose({ baseline: e.target.value })}>
          {sides.versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label title={`The canary's value of ${sides.column}`}>
        Canary{' '}
        <select value={versions.canary} onChange={(e) => onChoose({ canary: e.target.value })}>
          {sides.versions
            .filter((v) => v !== versions.baseline)
            .map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
        </select>
      </label>
    </>
  );
}
