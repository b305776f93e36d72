import { useState, type FormEvent } from 'react';
import {
  canaryMetrics,
  DEFAULT_GUARDRAILS,
  type CanaryGuardrails,
} from '../../../shared/analyses/canary/canary-guardrails.ts';
import type { CanaryMetric } from '../../../shared/analyses/canary/canary-result.ts';
import { errorDataOf } from '../../../shared/errors.ts';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { metricWords } from '../../../shared/analyses/canary/canary-words.ts';
import {
  draftOf,
  overridesOf,
  type GuardrailField,
  type GuardrailsDraft,
} from './guardrails-draft.ts';

/** The numeric fields in the order shown: label, unit, and the field's step. */
const numberFields: { field: GuardrailField; label: string; unit: string; step: string }[] = [
  {
    field: 'proportionPercent',
    label: 'Recall, precision, accuracy, success rate: largest relative drop',
    unit: '%',
    step: '0.5',
  },
  { field: 'aucAbsolute', label: 'AUC: largest drop', unit: 'AUC', step: '0.005' },
  { field: 'latencyPercent', label: 'p99 latency: largest relative rise', unit: '%', step: '1' },
  { field: 'latencyMaxMs', label: "Canary's p99 latency at most", unit: 'ms', step: '10' },
  { field: 'successMinPercent', label: "Canary's success rate at least", unit: '%', step: '0.1' },
  {
    field: 'psiMax',
    label: 'Population: an input PSI at or above this makes it INVALID',
    unit: 'PSI',
    step: '0.05',
  },
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The guardrails the canary is judged by, editable: tolerances, the canary's ceilings, the
 * population guardrail and which checks are critical. Apply checks them (guardrailsFrom) and runs
 * the comparison again; Reset to defaults restores STATS.md's.
 */
export function GuardrailsEditor() {
  const guardrails = useAppState((s) => s.canaryChoices.guardrails);
  // A new key when the applied guardrails change (a reset, a loaded workspace): a fresh draft.
  return <GuardrailsForm key={JSON.stringify(guardrails)} guardrails={guardrails} />;
}

function GuardrailsForm({ guardrails }: { guardrails: CanaryGuardrails }) {
  const { store } = useApp();
  const [draft, setDraft] = useState<GuardrailsDraft>(() => draftOf(guardrails));
  const [error, setError] = useState<string | null>(null);
  const edited = !same(draft, draftOf(guardrails));

  const setField = (field: GuardrailField, text: string) =>
    setDraft((d) => ({ ...d, fields: { ...d.fields, [field]: text } }));
  const toggleCritical = (metric: CanaryMetric, on: boolean) =>
    setDraft((d) => ({
      ...d,
      // In the core's order, so the same set is the same request.
      critical: canaryMetrics.filter((m) => (m === metric ? on : d.critical.includes(m))),
    }));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = overridesOf(draft);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    try {
      store.getState().setCanaryGuardrails(parsed.overrides);
      setError(null);
      setDraft(draftOf(store.getState().canaryChoices.guardrails));
    } catch (e) {
      setError(errorDataOf(e).message);
    }
  };

  return (
    <form className="guardrails-editor" aria-label="Guardrails" onSubmit={apply} noValidate>
      <fieldset>
        <legend>Tolerances and limits</legend>
        {numberFields.map(({ field, label, unit, step }) => (
          <label key={field} className="guardrail-field">
            <span>{label}</span>
            <input
              type="number"
              min="0"
              step={step}
              value={draft.fields[field]}
              onChange={(e) => setField(field, e.target.value)}
            />
            <span className="muted">{unit}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Critical checks: one failing fails the verdict whatever the score</legend>
        <div className="guardrail-critical">
          {canaryMetrics.map((metric) => (
            <label key={metric}>
              <input
                type="checkbox"
                checked={draft.critical.includes(metric)}
                onChange={(e) => toggleCritical(metric, e.target.checked)}
              />{' '}
              {metricWords[metric]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="guardrail-actions">
        <button type="submit" className="button-primary" disabled={!edited}>
          Apply
        </button>
        <button
          type="button"
          disabled={same(guardrails, DEFAULT_GUARDRAILS) && !edited}
          onClick={() => {
            setError(null);
            setDraft(draftOf(DEFAULT_GUARDRAILS));
            store.getState().setCanaryGuardrails({});
          }}
        >
          Reset to defaults
        </button>
        {edited && <span className="muted">Edited: Apply to judge the canary by these.</span>}
        {error !== null && (
          <p className="guardrail-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
