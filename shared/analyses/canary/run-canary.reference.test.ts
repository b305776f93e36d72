// The canary verdict against ../shared/reference/canary_verdict.json (make_reference.py: scipy,
// statsmodels and numpy, independently): every check's values, test, p, q and result, the
// population check, score, verdict, the critical failures' words and the numbers shown beside.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema, SchemaOverrides } from '../../schema/dataset-schema.ts';
import { loadCsvText } from '../../../test-support/csv-table.ts';
import {
  expectClose,
  expectP,
  loadReference,
  referenceDir,
} from '../../../test-support/reference.ts';
import { canarySpecFromFiles, canarySpecFromModelColumn } from './canary-spec.ts';
import type { CanaryResult } from './canary-result.ts';
import { runCanary } from './run-canary.ts';

interface RefCheck {
  segment: string;
  metric: string;
  critical: boolean;
  too_small: boolean;
  counts?: { baseline: number[]; canary: number[] };
  baseline?: number | null;
  canary: number | null;
  delta?: number | null;
  relative_delta?: number | null;
  degradation?: number | null;
  exceeds_tolerance?: boolean | null;
  test: string;
  statistic?: number | null;
  p: number | null;
  q: number | null;
  passed: boolean | null;
  mcnemar_table?: Record<string, number>;
  wilcoxon?: { n: number; zero_differences: number; r_plus: number; r_minus: number; z: number };
  se?: { baseline: number; canary: number };
}

interface RefCase {
  name: string;
  inputs: { file: string; design: 'split' | 'shadow'; segment_columns: string[] };
  expected: {
    design: string;
    rows: { baseline: number; canary: number; joined?: number };
    population: {
      features: Record<string, { kind: string; psi: number }>;
      invalid_columns: string[];
      valid: boolean;
    };
    critical_failures: { segment: string; metric: string; reason: string }[];
    scored: number;
    passed: number;
    score: number;
    verdict: string;
    failing: string[];
    per_segment: Record<
      string,
      { scored: number; passed: number; failing: string[]; too_small: boolean }
    >;
    beside_not_scored: {
      ece: { baseline: number; canary: number };
      log_loss: { baseline: number; canary: number };
      score_psi: number;
    };
    paired_tests?: {
      wilcoxon_abs_error: {
        n_pairs: number;
        zero_differences: number;
        n: number;
        r_plus: number;
        z: number;
        p: number;
      };
    };
    checks: RefCheck[];
  };
}

const reference = loadReference<{ cases: RefCase[] }>('canary_verdict.json');

/** One side's rows of a reference CSV (both sides in one file, told apart by `side`). */
function sideCsv(file: string, side: string): string {
  const [header = '', ...lines] = readFileSync(referenceDir + file, 'utf8')
    .trim()
    .split(/\r?\n/);
  const keep = header.split(',').map((_, i) => i !== 0);
  const cut = (line: string) =>
    line
      .split(',')
      .filter((_, i) => keep[i])
      .join(',');
  return [cut(header), ...lines.filter((l) => l.startsWith(`${side},`)).map(cut)].join('\n');
}

const overrides: SchemaOverrides = {
  task: 'binary',
  positive: '1',
  roles: {
    row_id: 'id',
    label: 'label',
    score: 'score',
    device: 'feature',
    plan: 'feature',
    amount: 'feature',
  },
  kinds: { device: 'categorical', plan: 'categorical', amount: 'numeric' },
};

let engine: Engine;
const loaded = new Map<string, [DatasetSchema, DatasetSchema]>();
beforeAll(async () => {
  engine = await createNodeEngine();
  for (const [i, c] of reference.cases.entries()) {
    loaded.set(c.name, [
      await loadCsvText(engine, sideCsv(c.inputs.file, 'baseline'), `b${i}`, overrides),
      await loadCsvText(engine, sideCsv(c.inputs.file, 'canary'), `c${i}`, overrides),
    ]);
  }
});
afterAll(async () => {
  await engine.close();
});

async function resultOf(c: RefCase): Promise<CanaryResult> {
  const [baseline, canary] = loaded.get(c.name) ?? [];
  if (!baseline || !canary) throw new Error(`not loaded: ${c.name}`);
  const spec = canarySpecFromFiles(baseline, canary, {
    by: c.inputs.segment_columns,
    latency: 'latency_ms',
    success: 'success',
  });
  return runCanary(engine, spec);
}

/** The reference's metric names for ceilings are ours too; its segment names are ours. */
const keyOf = (segment: string, metric: string) => `${segment} · ${metric}`;

function expectChecks(result: CanaryResult, expected: RefCheck[], name: string): void {
  const ours = new Map(result.checks.map((c) => [keyOf(c.segment.name, c.metric), c]));
  expect([...ours.keys()].sort()).toEqual(expected.map((e) => keyOf(e.segment, e.metric)).sort());
  for (const e of expected) {
    const what = `${name} ${keyOf(e.segment, e.metric)}`;
    const c = ours.get(keyOf(e.segment, e.metric));
    if (!c) throw new Error(`missing ${what}`);
    expect(c.critical, `${what} critical`).toBe(e.critical);
    expect(c.too_small, `${what} too_small`).toBe(e.too_small);
    expect(c.passed, `${what} passed`).toBe(e.passed);
    expectClose(c.canary, e.canary, `${what} canary`);
    expectP(c.p, e.p, `${what} p`);
    expectP(c.q, e.q, `${what} q`);
    if (c.tolerance_kind === 'ceiling') continue;
    expect(c.test, `${what} test`).toBe(e.test);
    expect(c.counts, `${what} counts`).toEqual({
      baseline: e.counts?.baseline,
      canary: e.counts?.canary,
    });
    expectClose(c.baseline, e.baseline ?? null, `${what} baseline`);
    expectClose(c.delta, e.delta ?? null, `${what} delta`);
    expectClose(c.relative_delta, e.relative_delta ?? null, `${what} relative_delta`);
    expectClose(c.degradation, e.degradation ?? null, `${what} degradation`);
    expect(c.exceeds_tolerance, `${what} exceeds`).toBe(e.exceeds_tolerance ?? null);
    expectClose(c.statistic, e.statistic ?? null, `${what} statistic`);
    if (e.mcnemar_table) expect(c.paired, `${what} McNemar table`).toEqual(e.mcnemar_table);
    if (e.se) {
      expectClose(c.se?.baseline ?? null, e.se.baseline, `${what} se baseline`);
      expectClose(c.se?.canary ?? null, e.se.canary, `${what} se canary`);
    }
    if (e.wilcoxon) {
      expect(c.wilcoxon?.n).toBe(e.wilcoxon.n);
      expect(c.wilcoxon?.zero_differences).toBe(e.wilcoxon.zero_differences);
      expectClose(c.wilcoxon?.r_plus ?? null, e.wilcoxon.r_plus, `${what} R+`);
      expectClose(c.wilcoxon?.r_minus ?? null, e.wilcoxon.r_minus, `${what} R-`);
      expectClose(c.wilcoxon?.z ?? null, e.wilcoxon.z, `${what} z`);
    }
  }
}

describe('runCanary against canary_verdict.json', () => {
  for (const c of reference.cases) {
    it(`${c.name}: ${c.expected.verdict}, score ${c.expected.score.toFixed(2)}`, async () => {
      const r = await resultOf(c);
      const e = c.expected;
      expect(r.design).toBe(e.design);
      expect(r.rows).toEqual({ joined: null, ...e.rows });
      expect(r.verdict).toBe(e.verdict);
      expect([r.scored, r.passed]).toEqual([e.scored, e.passed]);
      expectClose(r.score, e.score, `${c.name} score`);
      expect(r.population.valid).toBe(e.population.valid);
      expect(r.population.invalid_columns).toEqual(e.population.invalid_columns);
      for (const [name, f] of Object.entries(e.population.features)) {
        const ours = r.population.columns.find((p) => p.name === name);
        expect(ours?.kind, `${name} kind`).toBe(f.kind);
        expectClose(ours?.psi ?? null, f.psi, `${c.name} population ${name}`);
      }
      expectChecks(r, e.checks, c.name);
      const failedNames = r.checks
        .filter((x) => x.passed === false)
        .map((x) => `${x.segment.name}: ${x.metric}`);
      expect(failedNames).toEqual(e.failing);
      for (const [i, f] of e.critical_failures.entries()) expect(r.failing[i]).toBe(f.reason);
      expect(r.per_segment).toEqual(e.per_segment);
      const b = e.beside_not_scored;
      expectClose(r.beside.ece.baseline, b.ece.baseline, 'ece baseline');
      expectClose(r.beside.ece.canary, b.ece.canary, 'ece canary');
      expectClose(r.beside.log_loss.baseline, b.log_loss.baseline, 'log loss baseline');
      expectClose(r.beside.log_loss.canary, b.log_loss.canary, 'log loss canary');
      expectClose(r.beside.score_psi, b.score_psi, 'score psi');
      const w = e.paired_tests?.wilcoxon_abs_error;
      if (w) {
        const ours = r.beside.paired_abs_error;
        expect([ours?.n_pairs, ours?.zero_differences, ours?.n]).toEqual([
          w.n_pairs,
          w.zero_differences,
          w.n,
        ]);
        expectClose(ours?.r_plus ?? null, w.r_plus, 'abs error R+');
        expectClose(ours?.z ?? null, w.z, 'abs error z');
        expectP(ours?.p ?? null, w.p, 'abs error p');
      }
    });
  }

  it('reads one log split by a model column exactly as two files', async () => {
    const c = reference.cases.find((x) => x.name === 'segment_recall_failure');
    if (!c) throw new Error('no segment_recall_failure case');
    const whole = readFileSync(referenceDir + c.inputs.file, 'utf8').trim();
    const log = await loadCsvText(engine, whole, 'whole', {
      ...overrides,
      roles: { ...overrides.roles, side: 'model' },
    });
    const spec = canarySpecFromModelColumn(
      log,
      { column: 'side', baseline: 'baseline', canary: 'canary' },
      { by: c.inputs.segment_columns, latency: 'latency_ms', success: 'success' },
    );
    const r = await runCanary(engine, spec);
    const twoFiles = await resultOf(c);
    expect(r.source).toEqual({
      kind: 'model_column',
      column: 'side',
      baseline: 'baseline',
      canary: 'canary',
    });
    expect(r.checks).toEqual(twoFiles.checks);
    expect(r.population).toEqual(twoFiles.population);
    expect(r.verdict).toBe('FAIL');
  });
});
