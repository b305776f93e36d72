// The limits a canary is judged by (STATS.md "Comparing two models or windows"): tolerances per
// kind of metric, the canary's ceilings, which checks are critical, and the population guardrail.
// Defaults from STATS.md; a user's JSON file (CLI `--guardrails`, the app's editor) overrides any
// part of them and is checked field by field.
import { z } from 'zod';
import { FaultlineError } from '../../errors.ts';
import { PSI_SIGNIFICANT } from '../../stats/psi.ts';

export const canaryMetrics = [
  'recall',
  'precision',
  'accuracy',
  'auc',
  'success_rate',
  'latency_p99',
  'latency_p99_ceiling',
  'success_rate_floor',
] as const;

export interface CanaryGuardrails {
  tolerances: {
    /** Recall, precision, accuracy, success rate: the largest relative drop allowed. */
    proportion_relative: number;
    auc_absolute: number;
    latency_p99_relative: number;
  };
  ceilings: { latency_p99_ms_max: number; success_rate_min: number };
  /** Checks whose failure fails the verdict whatever the score. */
  critical: (typeof canaryMetrics)[number][];
  /** An input feature's PSI at or above this makes the verdict INVALID. */
  population_psi_max: number;
}

export const DEFAULT_GUARDRAILS: CanaryGuardrails = {
  tolerances: { proportion_relative: 0.03, auc_absolute: 0.02, latency_p99_relative: 0.1 },
  ceilings: { latency_p99_ms_max: 500, success_rate_min: 0.99 },
  critical: ['recall', 'precision', 'latency_p99_ceiling', 'success_rate_floor'],
  population_psi_max: PSI_SIGNIFICANT,
};

const nonNegative = z.number().finite().nonnegative();
const unit = z.number().finite().min(0).max(1);

const guardrailsFile = z
  .object({
    tolerances: z
      .object({
        proportion_relative: nonNegative,
        auc_absolute: unit,
        latency_p99_relative: nonNegative,
      })
      .partial()
      .strict(),
    ceilings: z
      .object({ latency_p99_ms_max: nonNegative, success_rate_min: unit })
      .partial()
      .strict(),
    critical: z.array(z.enum(canaryMetrics)),
    population_psi_max: z.number().finite().positive(),
  })
  .partial()
  .strict();

/** A partial guardrails object as a user writes it (every field optional). */
export type GuardrailsOverrides = z.input<typeof guardrailsFile>;

/**
 * The defaults with `overrides` merged in, checked: an unknown key, a negative tolerance or a
 * rate outside [0, 1] fails with `bad_argument`, naming the field and `origin` (e.g. the file).
 */
export function guardrailsFrom(overrides: unknown, origin = 'guardrails'): CanaryGuardrails {
  const parsed = guardrailsFile.safeParse(overrides);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the top level';
    throw new FaultlineError({
      code: 'bad_argument',
      message: `${origin}: ${where}: ${issue?.message ?? 'not a guardrails object'} (expected e.g. {"tolerances": {"proportion_relative": 0.03}})`,
    });
  }
  const g = parsed.data;
  return {
    tolerances: { ...DEFAULT_GUARDRAILS.tolerances, ...g.tolerances },
    ceilings: { ...DEFAULT_GUARDRAILS.ceilings, ...g.ceilings },
    critical: [...new Set(g.critical ?? DEFAULT_GUARDRAILS.critical)],
    population_psi_max: g.population_psi_max ?? DEFAULT_GUARDRAILS.population_psi_max,
  };
}
