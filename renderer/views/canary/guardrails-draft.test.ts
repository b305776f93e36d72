import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GUARDRAILS,
  guardrailsFrom,
} from '../../../shared/analyses/canary/canary-guardrails.ts';
import { draftOf, overridesOf } from './guardrails-draft.ts';

describe('guardrails draft', () => {
  it('shows tolerances and rates in percent, without binary-float tails', () => {
    expect(draftOf(DEFAULT_GUARDRAILS)).toEqual({
      fields: {
        proportionPercent: '3',
        aucAbsolute: '0.02',
        latencyPercent: '10',
        latencyMaxMs: '500',
        successMinPercent: '99',
        psiMax: '0.2',
      },
      critical: ['recall', 'precision', 'latency_p99_ceiling', 'success_rate_floor'],
    });
    const odd = guardrailsFrom({ tolerances: { proportion_relative: 0.07 } });
    expect(draftOf(odd).fields.proportionPercent).toBe('7');
  });

  it('turns the fields back into the guardrails they show', () => {
    const parsed = overridesOf(draftOf(DEFAULT_GUARDRAILS));
    if ('error' in parsed) throw new Error(parsed.error);
    expect(guardrailsFrom(parsed.overrides)).toEqual(DEFAULT_GUARDRAILS);
    const draft = draftOf(DEFAULT_GUARDRAILS);
    draft.fields.proportionPercent = '100';
    draft.critical = ['precision'];
    const loosened = overridesOf(draft);
    if ('error' in loosened) throw new Error(loosened.error);
    expect(guardrailsFrom(loosened.overrides)).toMatchObject({
      tolerances: { proportion_relative: 1 },
      critical: ['precision'],
    });
  });

  it('names a field that is not a number', () => {
    const draft = draftOf(DEFAULT_GUARDRAILS);
    draft.fields.latencyMaxMs = ' ';
    expect(overridesOf(draft)).toEqual({ error: "p99 latency ceiling: ' ' is not a number." });
    draft.fields.latencyMaxMs = 'fast';
    expect(overridesOf(draft)).toEqual({ error: "p99 latency ceiling: 'fast' is not a number." });
  });
});
