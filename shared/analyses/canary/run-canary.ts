import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import type { Engine, QueryOptions, RunContext } from '../../engine/engine.ts';
import { FaultlineError } from '../../errors.ts';
import { raw, type Sql } from '../../sql/sql.ts';
import {
  DEFAULT_CALIBRATION_BINS,
  reliability,
  uniformEdges,
  type BinSums,
} from '../../stats/calibration-bins.ts';
import { chooseWindow, readTimeSpan, timeSpanQuery, type WindowUnit } from '../windows.ts';
import {
  ceilingChecks,
  finishChecks,
  noSums,
  segmentChecks,
  type CheckContext,
  type GroupSums,
  type PairedSums,
  type SideSums,
} from './canary-checks.ts';
import { designOf, designQuery, needsIds, sharedIdRowsSql } from './canary-design.ts';
import { groupId, readGroupRows, type CanaryGrouping } from './canary-groups.ts';
import { judge, orderChecks, perSegment } from './canary-judgement.ts';
import { latencyHistogram } from './canary-latency.ts';
import { checkPopulation } from './canary-population.ts';
import { absoluteErrorTest, pairedSums } from './canary-paired.ts';
import { calibrationSumsQuery, countsQuery, rankSumsQuery } from './canary-queries.ts';
import { addLatency, LATENCY_QUANTILES, readSidedGroups, type SidedGroup } from './canary-read.ts';
import type { CanaryCheck, CanaryResult, CanaryWindow, ScoreHistogram } from './canary-result.ts';
import { canaryRowsSql, modelVersionsQuery, sideRowsSql } from './canary-rows.ts';
import { segmentsOf, type IndexedSegment } from './canary-segments.ts';
import type { MannWhitneyInputs } from '../../stats/mann-whitney.ts';
import type { CanarySpec } from './canary-spec.ts';

const STEPS = 7;

/** The timeline's unit: the one asked for, or one that suits the canary's time span. */
async function windowUnit(
  run: (q: Sql) => ReturnType<Engine['query']>,
  spec: CanarySpec,
): Promise<WindowUnit | null> {
  if (spec.window === undefined || spec.time === null) return null;
  if (spec.window !== 'auto') return spec.window;
  return chooseWindow(readTimeSpan(await run(timeSpanQuery(sideRowsSql(spec, 1), spec.time))));
}

/**
 * Baseline against canary (STATS.md "Comparing two models or windows"): the population check,
 * then per segment (all rows, each value of each segment column) and with a timeline per window,
 * every check with its test, q, tolerance and result; verdict and score. DuckDB aggregates every
 * group in a fixed number of scans of both sides; JS receives per-group sums.
 */
export async function runCanary(
  engine: Engine,
  spec: CanarySpec,
  ctx: RunContext = {},
): Promise<CanaryResult> {
  const opts: QueryOptions = ctx.signal ? { signal: ctx.signal } : {};
  const run = (q: Sql) => engine.query(q, opts);
  const step = (done: number, phase: string) =>
    ctx.onProgress?.({ phase, done, total: STEPS, unit: 'steps' });

  step(0, 'counting');
  const unit = await windowUnit(run, spec);
  const all = canaryRowsSql(spec, unit);
  const segments = spec.segments.length;
  const sided: CanaryGrouping = { always: [raw('side')], segments, windowed: unit !== null };
  const pooled: CanaryGrouping = { ...sided, always: [] };
  const hasScore = spec.outcome?.score != null;

  let counts = await run(countsQuery(all, sided));
  const sideRows = overallRows(counts);
  await checkRows(run, spec, sideRows);
  step(1, 'matching the two sides');
  const ids = needsIds(spec, sideRows) ? (readRows(await run(designQuery(all)))[0] ?? {}) : null;
  const design = designOf(spec, sideRows, ids);
  const shadow = design.design === 'shadow';
  // A shadow of partly shared ids judges the shared rows only (with the same ids, all rows).
  const partly =
    shadow && (design.rows.joined !== sideRows.baseline || design.rows.joined !== sideRows.canary);
  const rows = partly ? sharedIdRowsSql(all) : all;
  if (partly) counts = await run(countsQuery(rows, sided));

  const groups = readSidedGroups(counts);

  step(2, 'ranking latencies');
  const latencyRanks =
    spec.latency === null
      ? new Map<string, MannWhitneyInputs>()
      : addLatency(
          groups,
          await run(rankSumsQuery(rows, pooled, raw('lat'), raw('side = 0'), LATENCY_QUANTILES)),
        );
  const paired = shadow ? await pairedSums(run, rows, pooled) : new Map<string, PairedSums>();
  const pairedAbsError = shadow && hasScore ? await absoluteErrorTest(run, rows) : null;

  step(3, 'checking the population');
  const { population, scorePsi } = await checkPopulation(engine, spec, opts);

  step(4, 'calibration and latency');
  const sidesOverall = groups.get(groupId({ seg: -1, value: null, window: null, windowed: false }));
  const scores = hasScore ? await scoreBins(run, rows) : null;
  const latency =
    spec.latency !== null && sidesOverall
      ? await latencyHistogram(run, rows, sidesOverall.sides, lowestLatency(sidesOverall.sides))
      : null;

  step(5, 'testing');
  const ctx_: CheckContext = {
    design: design.design,
    guardrails: spec.guardrails,
    outcome: spec.outcome !== null ? 'binary' : spec.multiclass !== null ? 'multiclass' : null,
    latency: spec.latency !== null,
    success: spec.success !== null,
  };
  const segmentList = segmentsOf(spec, groups);
  const judged = (window: string | null) =>
    checksOf(segmentList, window, groups, latencyRanks, paired, ctx_);
  const checks = judged(null);
  const timeline =
    unit === null || spec.time === null
      ? undefined
      : {
          column: spec.time,
          unit,
          windows: windowsOf(groups).map((w) => windowResult(w, judged(w), groups)),
        };

  step(6, 'judging');
  const judgement = judge(checks, population.invalid_columns);
  const overall = sidesOverall?.sides ?? [noSums, noSums];
  const logLoss = (s: (typeof overall)[number]) => (s.scored > 0 ? s.logLossSum / s.scored : null);
  const result: CanaryResult = {
    ...judgement,
    design: design.design,
    design_reason: design.reason,
    source:
      spec.source.kind === 'files'
        ? { kind: 'files' }
        : {
            kind: 'model_column',
            column: spec.source.column,
            baseline: spec.source.baseline,
            canary: spec.source.canary,
          },
    rows: design.rows,
    columns: {
      label: spec.outcome?.label ?? spec.multiclass?.label ?? null,
      score: spec.outcome?.score ?? null,
      prediction: spec.outcome?.prediction ?? spec.multiclass?.prediction ?? null,
      id: spec.id,
      time: spec.time,
      latency: spec.latency,
      success: spec.success?.column ?? null,
    },
    threshold:
      spec.outcome !== null && spec.outcome.prediction === null ? spec.outcome.threshold : null,
    segments: spec.segments.map((s) => s.name),
    skipped: spec.skipped,
    guardrails: spec.guardrails,
    population,
    checks,
    per_segment: perSegment(checks),
    beside: {
      ece: { baseline: scores?.ece[0] ?? null, canary: scores?.ece[1] ?? null },
      log_loss: { baseline: logLoss(overall[0]), canary: logLoss(overall[1]) },
      score_psi: scorePsi,
      score_histogram: scores?.histogram ?? null,
      ...(pairedAbsError !== null ? { paired_abs_error: pairedAbsError } : {}),
    },
    latency,
    ...(timeline ? { timeline } : {}),
    ...(spec.where !== undefined && spec.where.length > 0 ? { where: spec.where } : {}),
  };
  step(STEPS, 'done');
  return result;
}

/** Every check of one window (null: all windows), ordered failures first. */
function checksOf(
  segments: readonly IndexedSegment[],
  window: string | null,
  groups: ReadonlyMap<string, SidedGroup>,
  latencyRanks: ReadonlyMap<string, MannWhitneyInputs>,
  paired: ReadonlyMap<string, PairedSums>,
  ctx: CheckContext,
): CanaryCheck[] {
  const drafts = segments.flatMap(({ seg, segment }) => {
    const id = groupId({ seg, value: segment.value, window, windowed: window !== null });
    const sides = groups.get(id)?.sides ?? [noSums, noSums];
    const sums: GroupSums = {
      segment,
      baseline: sides[0],
      canary: sides[1],
      latencyRanks: ctx.design === 'split' ? (latencyRanks.get(id) ?? null) : null,
      paired: paired.get(id) ?? null,
    };
    return segmentChecks(sums, ctx);
  });
  const finished = finishChecks(drafts);
  const overall = finished.filter((c) => c.segment.column === null);
  return orderChecks([...finished, ...ceilingChecks(overall, ctx.guardrails)]);
}

/** The smaller of the two sides' smallest latencies. */
function lowestLatency(sides: readonly [SideSums, SideSums]): number | null {
  const lows = sides.flatMap((s) => (s.latMin === null ? [] : [s.latMin]));
  return lows.length === 0 ? null : Math.min(...lows);
}

/** Each side's scores in STATS.md's 10 equal-width calibration bins: their ECE and counts. */
async function scoreBins(
  run: (q: Sql) => Promise<Table>,
  rows: Sql,
): Promise<{ ece: [number | null, number | null]; histogram: ScoreHistogram }> {
  const edges = uniformEdges(DEFAULT_CALIBRATION_BINS);
  const bins: BinSums[][] = [[], []];
  for (const r of readRows(await run(calibrationSumsQuery(rows, edges)))) {
    bins[r.side === 0 ? 0 : 1]?.push({
      bin: Number(r.b),
      n: Number(r.n),
      positives: Number(r.positives),
      scoreSum: Number(r.score_sum),
    });
  }
  const counts = (sums: BinSums[] = []) => {
    const out = new Array<number>(DEFAULT_CALIBRATION_BINS).fill(0);
    for (const b of sums) out[b.bin] = b.n;
    return out;
  };
  return {
    ece: [reliability(bins[0] ?? [], 0).ece, reliability(bins[1] ?? [], 0).ece],
    histogram: { edges: [0, ...edges, 1], baseline: counts(bins[0]), canary: counts(bins[1]) },
  };
}

/** The windows with rows, in time order (rows without a time are in none). */
function windowsOf(groups: ReadonlyMap<string, SidedGroup>): string[] {
  const windows = new Set<string>();
  for (const { key } of groups.values()) {
    if (key.windowed && key.window !== null && key.seg < 0) windows.add(key.window);
  }
  return [...windows].sort();
}

/** One window's checks, judged on their own. */
function windowResult(
  window: string,
  checks: CanaryCheck[],
  groups: ReadonlyMap<string, SidedGroup>,
): CanaryWindow {
  const sides = groups.get(groupId({ seg: -1, value: null, window, windowed: true }))?.sides;
  return {
    window,
    rows: { baseline: sides?.[0].rows ?? 0, canary: sides?.[1].rows ?? 0 },
    ...judge(checks, []),
    checks,
  };
}

/** Each side's rows, from the counts' overall groups. */
function overallRows(counts: Table): { baseline: number; canary: number } {
  const out = { baseline: 0, canary: 0 };
  for (const { key, row } of readGroupRows(counts)) {
    if (key.seg >= 0 || key.windowed) continue;
    out[row.side === 0 ? 'baseline' : 'canary'] = Number(row.rows);
  }
  return out;
}

/** A side without rows (a version the log lacks, a filter that keeps nothing) fails, naming it. */
async function checkRows(
  run: (q: Sql) => Promise<Table>,
  spec: CanarySpec,
  rows: { baseline: number; canary: number },
): Promise<void> {
  for (const side of ['baseline', 'canary'] as const) {
    if (rows[side] > 0) continue;
    const { source } = spec;
    let which = '';
    if (source.kind === 'model_column') {
      const held = readRows(await run(modelVersionsQuery(source.table, source.column)));
      const versions = held.map((r) => `'${String(r.v)}'`);
      which = ` (${source.column} = '${source[side]}'; the log holds ${versions.slice(0, 20).join(', ')}${versions.length > 20 ? ', …' : ''})`;
    }
    throw new FaultlineError({
      code: 'no_rows',
      message: `canary: the ${side} has no rows${which}`,
    });
  }
}
