import { FaultlineError } from '../errors.ts';
import type { Engine, RunContext } from '../engine/engine.ts';
import type { LoadedDataset } from '../engine/load-dataset.ts';
import { inferKind, type ColumnKind } from './column-kind.ts';
import { inferRoles, type ColumnRole, type RoleAssignment } from './column-role.ts';
import { summarizeTable, type ColumnSummary, type TableSummary } from './column-summary.ts';
import { binaryLabel, inferTask, type BinaryLabel, type Task } from './task.ts';
import { validateColumns, type ValidationWarning } from './validate.ts';

/** The user's corrections, merged in as data (from CLI flags or the app's role editor). */
export interface SchemaOverrides {
  roles?: Record<string, ColumnRole>;
  kinds?: Record<string, ColumnKind>;
  task?: Task;
  /** The label value that counts as positive (class 1). */
  positive?: string;
}

export interface SchemaColumn {
  name: string;
  type: string;
  kind: ColumnKind;
  kindReason: string;
  role: ColumnRole;
  roleReason: string;
  /** Per-class probability columns (multiclass): the class they score. */
  scoresClass: string | null;
  nulls: number;
  nullRate: number;
  distinct: number;
  invalid: number;
  min: number | null;
  max: number | null;
  topValues: { value: string; count: number }[] | null;
}

/** A loaded dataset with every column's kind and role and what is wrong with it: plain data. */
export interface DatasetSchema {
  table: string;
  rows: number;
  columns: SchemaColumn[];
  task: Task | null;
  taskReason: string;
  /** For binary tasks: which label value is 1. */
  label: BinaryLabel | null;
  /** First and last time (epoch ms) of the time column, if there is one. */
  timeSpan: { start: number; end: number } | null;
  warnings: ValidationWarning[];
}

function checkOverrideColumns(overrides: SchemaOverrides, names: Set<string>): void {
  for (const column of [
    ...Object.keys(overrides.roles ?? {}),
    ...Object.keys(overrides.kinds ?? {}),
  ]) {
    if (!names.has(column)) {
      throw new FaultlineError({
        code: 'unknown_column',
        column,
        message: `no column named "${column}" (columns: ${[...names].map((n) => JSON.stringify(n)).join(', ')})`,
      });
    }
  }
}

const singleRoles: ReadonlySet<ColumnRole> = new Set([
  'id',
  'time',
  'label',
  'prediction',
  'model',
]);

function applyRoleOverrides(
  summaries: ColumnSummary[],
  inferred: RoleAssignment[],
  roles: Record<string, ColumnRole>,
): RoleAssignment[] {
  const out = [...inferred];
  for (const [column, role] of Object.entries(roles)) {
    const i = summaries.findIndex((s) => s.name === column);
    if (singleRoles.has(role) || role === 'score') {
      // One column per role: the column the user named replaces the inferred one.
      out.forEach((a, j) => {
        if (j !== i && a.role === role && !(role === 'score' && a.scoresClass !== undefined)) {
          out[j] = { role: 'feature', reason: `was ${role}; the user chose '${column}'` };
        }
      });
    }
    out[i] = { role, reason: 'set by the user' };
  }
  return out;
}

/** The summary scans of a loaded dataset (summarizeTable), with progress saying how many rows. */
export async function summarizeDataset(
  engine: Engine,
  dataset: LoadedDataset,
  ctx: RunContext = {},
): Promise<TableSummary> {
  ctx.onProgress?.({
    phase: `summarising ${dataset.columns.length} columns`,
    done: 0,
    rows: dataset.rows,
  });
  return summarizeTable(engine, dataset.table, dataset.columns, ctx);
}

/**
 * Kinds, roles, task, label mapping and warnings of a loaded dataset, from its summary scans.
 * Overrides win over inference, with their reason; a misnamed column fails before any scan.
 */
export async function inferSchema(
  engine: Engine,
  dataset: LoadedDataset,
  overrides: SchemaOverrides = {},
  ctx: RunContext = {},
): Promise<DatasetSchema> {
  checkOverrideColumns(overrides, new Set(dataset.columns.map((c) => c.name)));
  return schemaFromSummary(dataset, await summarizeDataset(engine, dataset, ctx), overrides);
}

/**
 * The schema from a table's summary and the user's overrides, without touching the data: the
 * summary does not depend on overrides, so a role or kind change is answered from a kept summary.
 */
export function schemaFromSummary(
  dataset: LoadedDataset,
  summary: TableSummary,
  overrides: SchemaOverrides = {},
): DatasetSchema {
  checkOverrideColumns(overrides, new Set(dataset.columns.map((c) => c.name)));
  const kinded = summary.columns.map((s) => {
    const forced = overrides.kinds?.[s.name];
    const k = forced ? { kind: forced, reason: 'set by the user' } : inferKind(s);
    return { summary: s, kind: k.kind, kindReason: k.reason };
  });
  const roles = applyRoleOverrides(summary.columns, inferRoles(kinded), overrides.roles ?? {});
  const joined = kinded.map((c, i) => ({
    ...c,
    role: roles[i] ?? { role: 'feature' as const, reason: 'input' },
  }));
  const inferredTask = inferTask(joined);
  const task = overrides.task ?? inferredTask.task;
  const labelColumn = joined.find((c) => c.role.role === 'label');
  const label =
    task === 'binary' && labelColumn ? binaryLabel(labelColumn.summary, overrides.positive) : null;
  if (overrides.positive !== undefined && task === 'binary' && labelColumn && !label) {
    throw new FaultlineError({
      code: 'bad_argument',
      column: labelColumn.summary.name,
      message: `--positive ${overrides.positive}: label '${labelColumn.summary.name}' has no such value (values: ${(labelColumn.summary.topValues ?? []).map((v) => v.value).join(', ')})`,
    });
  }
  const timeColumn = joined.find((c) => c.role.role === 'time');
  const loadWarnings: ValidationWarning[] = dataset.warnings.map((w) => ({
    code: w.code,
    column: w.column,
    message: w.message,
  }));
  return {
    table: dataset.table,
    rows: summary.rows,
    columns: joined.map(({ summary: s, kind, kindReason, role }) => ({
      name: s.name,
      type: s.type,
      kind,
      kindReason,
      role: role.role,
      roleReason: role.reason,
      scoresClass: role.scoresClass ?? null,
      nulls: s.nulls,
      nullRate: summary.rows > 0 ? s.nulls / summary.rows : 0,
      distinct: s.distinct,
      invalid: s.invalid,
      min: s.min,
      max: s.max,
      topValues: s.topValues,
    })),
    task,
    taskReason: overrides.task ? 'set by the user' : inferredTask.reason,
    label,
    timeSpan:
      timeColumn && timeColumn.summary.min !== null && timeColumn.summary.max !== null
        ? { start: timeColumn.summary.min, end: timeColumn.summary.max }
        : null,
    warnings: [...loadWarnings, ...validateColumns(summary.rows, joined, task, label)],
  };
}
