// STATS.md "Population check first": each input feature's PSI between the baseline's and the
// canary's rows (drift's PSI, baseline = R), and the score's PSI shown beside the checks. One log
// split by its model column is read through two temporary views, so nothing is copied.
import type { Engine, QueryOptions } from '../../engine/engine.ts';
import { tempNames, withTempViews } from '../../engine/temp-tables.ts';
import { ident, literal, sql, table } from '../../sql/sql.ts';
import type { DriftSpec } from '../drift/drift-spec.ts';
import { runDrift } from '../drift/run-drift.ts';
import type { CanaryPopulation } from './canary-result.ts';
import type { CanarySpec } from './canary-spec.ts';

/** The population check, and the score's PSI (null without a score). */
export interface PopulationFindings {
  population: CanaryPopulation;
  scorePsi: number | null;
}

/** Compares the two sides' inputs, and their scores. */
export async function checkPopulation(
  engine: Engine,
  spec: CanarySpec,
  opts: QueryOptions,
): Promise<PopulationFindings> {
  const columns = [...spec.features, ...(spec.scoreDrift ? [spec.scoreDrift] : [])];
  const limit = spec.guardrails.population_psi_max;
  const none: PopulationFindings = {
    population: { psi: null, valid: true, columns: [], invalid_columns: [] },
    scorePsi: null,
  };
  if (columns.length === 0) return none;
  const drift = async (referenceTable: string, currentTable: string) => {
    const driftSpec: DriftSpec = {
      referenceTable,
      currentTable,
      columns,
      ...(spec.where !== undefined ? { where: spec.where } : {}),
    };
    return runDrift(engine, driftSpec, opts.signal ? { signal: opts.signal } : {});
  };
  const { source } = spec;
  const result =
    source.kind === 'files'
      ? await drift(source.baselineTable, source.canaryTable)
      : await viaViews(engine, source, drift);
  const features = result.columns.filter((c) => c.role !== 'score');
  const population = features.map((c) => ({
    name: c.name,
    kind: c.kind,
    psi: c.psi,
    band: c.band,
  }));
  const invalid = population
    .filter((c) => c.psi !== null && c.psi >= limit)
    .sort((a, b) => (b.psi ?? 0) - (a.psi ?? 0))
    .map((c) => c.name);
  const psis = population.flatMap((c) => (c.psi === null ? [] : [c.psi]));
  return {
    population: {
      psi: psis.length === 0 ? null : Math.max(...psis),
      valid: invalid.length === 0,
      columns: population,
      invalid_columns: invalid,
    },
    scorePsi: result.columns.find((c) => c.role === 'score')?.psi ?? null,
  };
}

/** Each version's rows as a temporary view (dropped after), for analyses that read tables. */
async function viaViews<T>(
  engine: Engine,
  source: Extract<CanarySpec['source'], { kind: 'model_column' }>,
  use: (baselineView: string, canaryView: string) => Promise<T>,
): Promise<T> {
  const names = tempNames('canary', ['baseline', 'canary']);
  const views = { baseline: table(names.baseline), canary: table(names.canary) };
  return withTempViews(engine, [views.baseline, views.canary], async () => {
    // A view cannot hold bound parameters: the versions go in as quoted literals.
    for (const [view, version] of [
      [views.baseline, source.baseline],
      [views.canary, source.canary],
    ] as const) {
      await engine.query(
        sql`CREATE TEMP VIEW ${view} AS SELECT * FROM ${table(source.table)}
          WHERE ${ident(source.column)}::VARCHAR = ${literal(version)}`,
      );
    }
    return use(names.baseline, names.canary);
  });
}
