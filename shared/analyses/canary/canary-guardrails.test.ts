import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDRAILS, guardrailsFrom } from './canary-guardrails.ts';

describe('guardrailsFrom', () => {
  it("defaults to STATS.md's tolerances, ceilings, criticals and population limit", () => {
    expect(guardrailsFrom({})).toEqual({
      tolerances: { proportion_relative: 0.03, auc_absolute: 0.02, latency_p99_relative: 0.1 },
      ceilings: { latency_p99_ms_max: 500, success_rate_min: 0.99 },
      critical: ['recall', 'precision', 'latency_p99_ceiling', 'success_rate_floor'],
      population_psi_max: 0.2,
    });
    expect(guardrailsFrom({})).toEqual(DEFAULT_GUARDRAILS);
  });

  it('merges a partial file into the defaults, field by field', () => {
    const g = guardrailsFrom({
      tolerances: { auc_absolute: 0.05 },
      ceilings: { latency_p99_ms_max: 250 },
      critical: ['recall', 'recall', 'auc'],
    });
    expect(g.tolerances).toEqual({
      proportion_relative: 0.03,
      auc_absolute: 0.05,
      latency_p99_relative: 0.1,
    });
    expect(g.ceilings).toEqual({ latency_p99_ms_max: 250, success_rate_min: 0.99 });
    expect(g.critical).toEqual(['recall', 'auc']);
  });

  it.each([
    [{ tolerance: {} }, /guardrails.json: the top level: .*tolerance/],
    [{ tolerances: { proportion_relative: -0.1 } }, /tolerances\.proportion_relative/],
    [{ ceilings: { success_rate_min: 1.5 } }, /ceilings\.success_rate_min/],
    [{ critical: ['latency'] }, /critical\.0/],
    [{ population_psi_max: 0 }, /population_psi_max/],
    [[1, 2], /the top level/],
    ['{', /the top level/],
  ])('refuses %j, naming the field', (overrides, message) => {
    expect(() => guardrailsFrom(overrides, 'guardrails.json')).toThrow(message);
  });
});
