// The investigation's canary comparison: two logs, or one log split by its model column, whose
// versions default to the two the log holds (the earlier-named as the baseline).
import {
  canarySpecFromFiles,
  canarySpecFromModelColumn,
  type CanarySpec,
  type CanarySpecOptions,
} from '../analyses/canary/canary-spec.ts';
import { modelVersionsQuery } from '../analyses/canary/canary-rows.ts';
import { roleColumn } from '../analyses/binary-outcome.ts';
import { readRows } from '../engine/arrow-columns.ts';
import type { Engine, RunContext } from '../engine/engine.ts';
import { FaultlineError } from '../errors.ts';
import type { InvestigationCanary } from './investigation.ts';

/** Versions in version order: v1 before v2, v9 before v10 (as the Canary view orders them). */
const versionOrder = new Intl.Collator('en', { numeric: true }).compare;

const bad = (message: string): FaultlineError =>
  new FaultlineError({ code: 'bad_argument', message: `canary: ${message}` });

/** The versions a log's model column holds, in version order (21 at most). */
async function versionsOf(
  engine: Engine,
  table: string,
  column: string,
  ctx: RunContext,
): Promise<string[]> {
  const rows = readRows(
    await engine.query(modelVersionsQuery(table, column), ctx.signal ? { signal: ctx.signal } : {}),
  );
  return rows.map((r) => String(r.v)).sort(versionOrder);
}

/**
 * The baseline and canary versions: those named, else the two the log holds (the one not named,
 * or the earlier as the baseline). A log with more or fewer than two fails, saying what it holds.
 */
function chosenVersions(
  held: readonly string[],
  column: string,
  named: { baseline?: string | undefined; canary?: string | undefined },
): { baseline: string; canary: string } {
  const { baseline, canary } = named;
  if (baseline !== undefined && canary !== undefined) return { baseline, canary };
  const listed = held.slice(0, 20).map((v) => `'${v}'`);
  const holds = `${listed.join(', ')}${held.length > 20 ? ', …' : ''}`;
  if (held.length !== 2) {
    throw bad(
      held.length < 2
        ? `the model column '${column}' holds ${held.length === 0 ? 'no version' : `one version (${holds})`}: a canary compares two`
        : `the model column '${column}' holds ${held.length > 20 ? 'more than 20' : held.length} versions (${holds}): name the baseline and the canary`,
    );
  }
  const [first = '', second = ''] = held;
  if (baseline !== undefined) return { baseline, canary: baseline === first ? second : first };
  if (canary !== undefined) return { baseline: canary === first ? second : first, canary };
  return { baseline: first, canary: second };
}

/** The comparison's spec, with the investigation's options (filter, window, threshold, guardrails). */
export async function investigationCanarySpec(
  engine: Engine,
  canary: InvestigationCanary,
  options: CanarySpecOptions,
  ctx: RunContext,
): Promise<CanarySpec> {
  if (canary.kind === 'files') return canarySpecFromFiles(canary.baseline, canary.canary, options);
  const column = canary.column ?? roleColumn(canary.log, 'model');
  if (column === null) throw bad('the log has no model-version column (set its model role)');
  if (!canary.log.columns.some((c) => c.name === column)) {
    throw new FaultlineError({
      code: 'unknown_column',
      column,
      message: `canary: no model column named "${column}" in the log`,
    });
  }
  const named = { baseline: canary.baseline, canary: canary.canary };
  const versions =
    named.baseline !== undefined && named.canary !== undefined
      ? { baseline: named.baseline, canary: named.canary }
      : chosenVersions(await versionsOf(engine, canary.log.table, column, ctx), column, named);
  return canarySpecFromModelColumn(canary.log, { column, ...versions }, options);
}
