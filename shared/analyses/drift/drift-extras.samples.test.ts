import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { rankDriftColumns } from './drift-impact.ts';
import type { DriftResult } from './drift-result.ts';
import { driftSpecFromSchemas } from './drift-spec.ts';
import { runDrift } from './run-drift.ts';
import { openSample, plantedFailure } from '../../../test-support/samples.ts';

let engine: Engine;
let weekly: DriftResult;
let auto: DriftResult;

beforeAll(async () => {
  engine = await createNodeEngine();
  const reference = await openSample(engine, 'training.parquet', 'training');
  const current = await openSample(engine, 'production.parquet', 'production');
  weekly = await runDrift(
    engine,
    driftSpecFromSchemas(reference, current, { window: 'week', impact: true }),
  );
  auto = await runDrift(engine, driftSpecFromSchemas(reference, current, { window: 'auto' }));
});
afterAll(async () => {
  await engine.close();
});

const column = (r: DriftResult, name: string | undefined) => {
  const c = r.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no drift row for ${name}`);
  return c;
};

describe('timeline and impact on the bundled samples', () => {
  it('auto picks weeks for eight weeks of production, named by their Mondays', () => {
    expect(auto.window?.unit).toBe('week');
    const windows = weekly.timeline?.map((w) => w.window) ?? [];
    expect(windows).toHaveLength(8);
    expect(windows[0]).toBe('2026-08-31');
    for (const w of windows) expect(new Date(`${w}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(weekly.timeline?.reduce((s, w) => s + w.rows, 0)).toBe(weekly.current.rows);
    expect(auto.timeline).toEqual(weekly.timeline);
  });

  it('since lands on the planted weeks: the unit change, the new category, the score', () => {
    const planted = ['unit_change', 'new_category', 'miscalibration'].map(plantedFailure);
    for (const p of planted) expect(column(weekly, p.column).since, p.column).toBe(p.since);
    // Nothing else drifts to the end.
    const drifting = weekly.columns.filter((c) => c.since !== null).map((c) => c.name);
    expect(drifting.sort()).toEqual(planted.map((p) => p.column).sort());
    expect(column(weekly, plantedFailure('unit_change').column).reason).toMatch(
      /^drifted since 2026-10-05: PSI /,
    );
  });

  it("the missing-rate onset is the jump's planted week, and only there", () => {
    const p = plantedFailure('missing_rate_jump');
    const c = column(weekly, p.column);
    expect(c.missing.since).toBe(p.since);
    expect(c.reason).toMatch(new RegExp(`^missing rate up [\\d.]+ points since ${p.since} \\(`));
    const onsets = weekly.columns.filter((x) => x.missing.since !== null).map((x) => x.name);
    expect(onsets).toEqual([p.column]);
    expect(auto.columns.every((x) => x.missing.since !== undefined)).toBe(true);
  });

  it('the missing-rate jump shows in the windows from its week on, with no since', () => {
    const p = plantedFailure('missing_rate_jump');
    const index = weekly.columns.findIndex((c) => c.name === p.column);
    expect(weekly.columns[index]?.since).toBeNull();
    for (const w of weekly.timeline ?? []) {
      const rate = w.columns[index]?.missing_rate ?? NaN;
      if (w.window >= (p.since ?? '')) expect(rate).toBeGreaterThan(0.25);
      else expect(rate).toBe(0);
    }
  });

  it('impact is measured on the inputs only: not on the label, score or prediction', () => {
    const own = weekly.columns.filter((c) => c.role !== 'feature');
    expect(own.map((c) => c.impact)).toEqual([null, null, null]);
    const inputs = weekly.columns.filter((c) => c.role === 'feature');
    expect(inputs.every((c) => c.impact?.bins.length)).toBe(true);
  });

  it('impact ranks the collapsed cohort (region, device) high, naming its values', () => {
    const cohort = plantedFailure('cohort_collapse').cohort ?? [];
    expect(weekly.impact?.rows).toBe(weekly.current.rows);
    const byLift = [...weekly.columns].sort(
      (a, b) => (b.impact?.lift ?? 0) - (a.impact?.lift ?? 0),
    );
    const top = byLift.slice(0, 3).map((c) => c.name);
    expect(cohort.some((c) => top.includes(c.column))).toBe(true);
    for (const { column: name, value } of cohort) {
      const impact = column(weekly, name).impact;
      expect(impact?.bin).toBe(value);
      expect(impact?.lift).toBeGreaterThan(1.2);
    }
    // Ranking: the two significant drifts first, then by impact.
    const ranked = rankDriftColumns(weekly.columns).map((c) => c.name);
    expect(ranked.slice(0, 2).sort()).toEqual(
      [plantedFailure('unit_change').column, plantedFailure('new_category').column].sort(),
    );
  });

  it('is JSON-safe', () => {
    expect(JSON.stringify(weekly)).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(JSON.stringify(weekly))).toEqual(weekly);
  });
});
