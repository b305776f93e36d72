// The steps every task's performance analysis takes: cut the cohorts, plan the windows, scan each
// side once, and assemble the table (performance-assembly.ts); each task brings its scan and rules.
import type { Table } from 'apache-arrow';
import type { Engine, QueryOptions, RunContext } from '../../engine/engine.ts';
import type { Predicate } from '../../sql/predicate.ts';
import type { Sql } from '../../sql/sql.ts';
import { cohortSource } from '../cohort-source.ts';
import { windowStartSql } from '../windows.ts';
import { assemble, type Assembled, type TaskRules } from './performance-assembly.ts';
import { cohortEdges, cohortKeySql, sideTypes } from './performance-cohorts.ts';
import type { Cell } from '../../engine/arrow-columns.ts';
import { splitGroups, type Grouping, type SideGroups } from './performance-groups.ts';
import type { PerformanceByInfo, PerformanceWindowInfo } from './performance-result.ts';
import type { CohortSpec } from './performance-spec.ts';
import { windowPlan } from './performance-timeline.ts';

const STEPS = 3;

/** One task's scan of a side and how its result is read. */
export interface TaskScan<S, T> {
  query: (from: Sql, side: S, grouping: Grouping) => Sql;
  read: (result: Table, keyCount: number) => SideGroups<T>;
  rowsOf: (counts: T) => number;
}

/** A scan whose counts carry their `rows`, read row by row with `add` from `zero` (splitGroups). */
export function groupedScan<S, T extends { rows: number }>(
  query: TaskScan<S, T>['query'],
  add: (counts: T, r: Record<string, Cell>) => T,
  zero: T,
): TaskScan<S, T> {
  const rowsOf = (c: T) => c.rows;
  return {
    query,
    read: (result, keyCount) => splitGroups(result, keyCount, add, rowsOf, zero),
    rowsOf,
  };
}

/** The parts of a result every task shares (CLI.md keys and the extras beside them). */
export interface CommonResult {
  log: { rows: number };
  reference: { rows: number } | null;
  by: PerformanceByInfo[];
  window?: PerformanceWindowInfo;
  where?: Predicate[];
  skipped?: { timeline?: string };
}

/**
 * Runs one task's analysis: two small queries for numeric cohort columns' edges, one for the time
 * span, then one scan per side (in parallel); JS receives per-group counts only.
 */
export async function runTask<S extends { table: string }, T, G, D>(
  engine: Engine,
  spec: CohortSpec & { log: S; reference?: S },
  scan: TaskScan<S, T>,
  rules: TaskRules<T, G, D>,
  ctx: RunContext,
): Promise<{ table: Assembled<G, D>; common: CommonResult }> {
  const opts: QueryOptions = ctx.signal ? { signal: ctx.signal } : {};
  const run = (q: Sql) => engine.query(q, opts);
  const step = (done: number, phase: string) =>
    ctx.onProgress?.({ phase, done, total: STEPS, unit: 'steps' });

  step(0, 'cutting cohorts');
  const edges = await cohortEdges(run, spec);
  const plan = spec.time !== undefined ? await windowPlan(run, spec, spec.time) : null;

  step(1, 'counting outcomes');
  const count = (side: S, types: string[], windowed: boolean) =>
    run(
      scan.query(cohortSource(side.table, spec.where), side, {
        cohortKeys: spec.by.map((b, i) => cohortKeySql(b, types[i] ?? b.logType, edges[i] ?? null)),
        windowStart: windowed && plan ? windowStartSql(plan.column, plan.unit) : null,
      }),
    );
  const [logTable, referenceTable] = await Promise.all([
    count(spec.log, sideTypes(spec, 'log'), true),
    spec.reference ? count(spec.reference, sideTypes(spec, 'reference'), false) : null,
  ]);
  const log = scan.read(logTable, spec.by.length);
  const ref = referenceTable ? scan.read(referenceTable, spec.by.length) : null;

  step(2, 'comparing cohorts');
  const windows = plan ? [...log.windows.keys()].sort() : null;
  const table = assemble(rules, log, ref, spec.by, edges, windows);
  const common: CommonResult = {
    log: { rows: scan.rowsOf(log.overall) },
    reference: ref ? { rows: scan.rowsOf(ref.overall) } : null,
    by: spec.by.map((b, i) => ({ name: b.name, mode: b.mode, edges: edges[i] ?? null })),
  };
  if (plan) common.window = { ...plan, rows_without_time: log.rowsWithoutTime };
  if (spec.where !== undefined && spec.where.length > 0) common.where = spec.where;
  if (spec.skipped !== undefined) common.skipped = { ...spec.skipped };
  step(STEPS, 'done');
  return { table, common };
}
