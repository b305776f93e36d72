// The guardrails as the editor's fields hold them: text in the units people read (tolerances and
// rates in percent), turned back into the guardrails object the core checks. Pure.
import type {
  CanaryGuardrails,
  GuardrailsOverrides,
} from '../../../shared/analyses/canary/canary-guardrails.ts';
import type { CanaryMetric } from '../../../shared/analyses/canary/canary-result.ts';

/** The editor's numeric fields. */
export type GuardrailField =
  | 'proportionPercent'
  | 'aucAbsolute'
  | 'latencyPercent'
  | 'latencyMaxMs'
  | 'successMinPercent'
  | 'psiMax';

/** What the editor shows: each number as typed, and the critical checks. */
export interface GuardrailsDraft {
  fields: Record<GuardrailField, string>;
  critical: CanaryMetric[];
}

/** Each field's name in an error message. */
export const fieldNames: Record<GuardrailField, string> = {
  proportionPercent: 'Proportions tolerance',
  aucAbsolute: 'AUC tolerance',
  latencyPercent: 'p99 latency tolerance',
  latencyMaxMs: 'p99 latency ceiling',
  successMinPercent: 'Success rate floor',
  psiMax: 'Population PSI',
};

/** A fraction as a percent for a field: 0.03 → "3", 0.99 → "99" (no binary-float tails). */
const percent = (fraction: number) => String(Number((fraction * 100).toPrecision(12)));

/** The fields of `guardrails`. */
export function draftOf(guardrails: CanaryGuardrails): GuardrailsDraft {
  const { tolerances, ceilings } = guardrails;
  return {
    fields: {
      proportionPercent: percent(tolerances.proportion_relative),
      aucAbsolute: String(tolerances.auc_absolute),
      latencyPercent: percent(tolerances.latency_p99_relative),
      latencyMaxMs: String(ceilings.latency_p99_ms_max),
      successMinPercent: percent(ceilings.success_rate_min),
      psiMax: String(guardrails.population_psi_max),
    },
    critical: [...guardrails.critical],
  };
}

/**
 * The draft as a guardrails object for guardrailsFrom (which checks the ranges), or what is not
 * a number. Percent fields are divided by 100.
 */
export function overridesOf(
  draft: GuardrailsDraft,
): { overrides: GuardrailsOverrides } | { error: string } {
  const numbers = {} as Record<GuardrailField, number>;
  for (const [field, text] of Object.entries(draft.fields) as [GuardrailField, string][]) {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) {
      return { error: `${fieldNames[field]}: '${text}' is not a number.` };
    }
    numbers[field] = value;
  }
  return {
    overrides: {
      tolerances: {
        proportion_relative: numbers.proportionPercent / 100,
        auc_absolute: numbers.aucAbsolute,
        latency_p99_relative: numbers.latencyPercent / 100,
      },
      ceilings: {
        latency_p99_ms_max: numbers.latencyMaxMs,
        success_rate_min: numbers.successMinPercent / 100,
      },
      critical: draft.critical,
      population_psi_max: numbers.psiMax,
    },
  };
}
