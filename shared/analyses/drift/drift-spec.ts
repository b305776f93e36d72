import { FaultlineError } from '../../errors.ts';
import type { ColumnRole } from '../../schema/column-role.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import { pairDatasets, type DatasetPairing, type PairedColumn } from '../../schema/pair.ts';
import type { Task } from '../../schema/task.ts';
import type { Predicate } from '../../sql/predicate.ts';
import type { BinaryOutcome } from '../binary-outcome.ts';
import { checkedCohortFilter } from '../cohort-source.ts';
import type { WindowUnit } from '../windows.ts';
import { withExtras } from './drift-spec-extras.ts';

/** The kinds drift compares (datetime and free text are not binned). */
export type DriftKind = 'numeric' | 'categorical';

/**
 * What a compared column is to the model: an input, its score (prediction drift), its label
 * (label shift) or its predicted label. Any other column named on purpose counts as an input.
 */
export type DriftRole = 'feature' | 'score' | 'label' | 'prediction';

/** One column compared between the reference and the current table. */
export interface DriftColumn {
  name: string;
  /** The reference's kind (STATS.md: kinds are decided on R), after any user override. */
  kind: DriftKind;
  /** DuckDB types on each side: float types have NaN/±Infinity to count as invalid. */
  referenceType: string;
  currentType: string;
  /** Default `feature`. */
  role?: DriftRole;
}

/** A timeline window (CLI `--window`); `auto` picks one from the current data's span. */
export type DriftWindowUnit = WindowUnit;

/** The current data's binary outcome, for the error concentration of each column (impact). */
export type DriftOutcome = BinaryOutcome;

/** What a drift analysis compares: plain data, never a callback. */
export interface DriftSpec {
  /** Engine table names (chosen by the engine, never a user's text). */
  referenceTable: string;
  currentTable: string;
  columns: DriftColumn[];
  /** The current table's time column: with it, a timeline per window and each column's `since`. */
  time?: string;
  /** Default `auto` (windows.ts). */
  window?: DriftWindowUnit | 'auto';
  /** With it, each column's impact (drift-impact.ts). */
  outcome?: DriftOutcome;
  /** Why a timeline or impact that was asked for cannot be computed (e.g. no label). */
  skipped?: { timeline?: string; impact?: string };
  /** The cohort filter: only rows matching every predicate, on both sides. */
  where?: Predicate[];
}

export interface DriftSpecOptions {
  /**
   * Only these columns, in this order (CLI `--columns`); default: every paired feature, score,
   * label and prediction column.
   */
  columns?: readonly string[];
  /** The cohort filter (CLI `--where`); each column must exist on both sides. */
  where?: readonly Predicate[];
  /** A timeline (CLI `--window`), on the current data's time column. */
  window?: DriftWindowUnit | 'auto';
  /** The time column, instead of the current schema's time role. */
  time?: string;
  /** Impact from the current schema's label and prediction (or score) roles. */
  impact?: boolean;
  /** Score threshold when there is no prediction column (default 0.5). */
  threshold?: number;
}

/** Roles compared by default: the inputs, and what the model outputs and is judged against. */
const defaultRoles: ReadonlySet<ColumnRole> = new Set(['feature', 'score', 'label', 'prediction']);

const driftRole = (role: ColumnRole | undefined): DriftRole =>
  role === 'score' || role === 'label' || role === 'prediction' ? role : 'feature';

/**
 * How a paired column is compared, or null when it cannot be. A score is a number whatever its
 * distinct count; a label or predicted label is categorical unless the task is regression.
 */
function driftKind(p: PairedColumn, role: DriftRole, task: Task | null): DriftKind | null {
  const numericTypes = isNumericType(p.referenceType) && isNumericType(p.currentType);
  if (role === 'score' && numericTypes) return 'numeric';
  if ((role === 'label' || role === 'prediction') && task !== null) {
    return task === 'regression' && numericTypes ? 'numeric' : 'categorical';
  }
  if (p.kind !== 'numeric' && p.kind !== 'categorical') return null;
  // A kind override to numeric on text cannot be binned as numbers; it is compared as text.
  return p.kind === 'numeric' && numericTypes ? 'numeric' : 'categorical';
}

/**
 * The cohort filter checked against both sides, as a copy: a column one side lacks fails with
 * `unknown_column`, naming the column and the side.
 */
export function cohortFilter(
  where: readonly Predicate[],
  reference: DatasetSchema,
  current: DatasetSchema,
): Predicate[] {
  return checkedCohortFilter(where, [
    ['reference', reference],
    ['current', current],
  ]);
}

/**
 * A DriftSpec from the two schemas: columns paired by name with the reference's kind and role; by
 * default every feature, score, label and prediction column that can be compared. A named column
 * that cannot be compared fails with a message naming it.
 */
export function driftSpecFromSchemas(
  reference: DatasetSchema,
  current: DatasetSchema,
  options: DriftSpecOptions = {},
): DriftSpec {
  const pairing = pairDatasets(reference, current);
  const roles = new Map(reference.columns.map((c) => [c.name, c.role]));
  const task = reference.task ?? current.task;
  const toColumn = (p: PairedColumn): DriftColumn | null => {
    const role = driftRole(roles.get(p.name));
    const kind = driftKind(p, role, task);
    if (kind === null) return null;
    return { name: p.name, kind, referenceType: p.referenceType, currentType: p.currentType, role };
  };
  const columns =
    options.columns === undefined
      ? pairing.matched
          .filter((p) => defaultRoles.has(roles.get(p.name) ?? 'ignored'))
          .map(toColumn)
          .filter((c): c is DriftColumn => c !== null)
      : options.columns.map((name) => namedColumn(name, pairing, toColumn));
  const where = cohortFilter(options.where ?? [], reference, current);
  return withExtras(
    {
      referenceTable: reference.table,
      currentTable: current.table,
      columns,
      ...(where.length > 0 ? { where } : {}),
    },
    current,
    options,
  );
}

/** A column the user named, or why it cannot be compared. */
function namedColumn(
  name: string,
  pairing: DatasetPairing,
  toColumn: (p: PairedColumn) => DriftColumn | null,
): DriftColumn {
  const paired = pairing.matched.find((p) => p.name === name);
  if (!paired) {
    const mismatch = pairing.typeMismatches.find((m) => m.name === name);
    throw new FaultlineError({
      code: mismatch ? 'schema_mismatch' : 'unknown_column',
      column: name,
      message: mismatch
        ? mismatch.message
        : `no column named "${name}" in both the reference and the current data`,
    });
  }
  const column = toColumn(paired);
  if (!column) {
    throw new FaultlineError({
      code: 'bad_argument',
      column: name,
      message: `'${name}' is ${paired.kind}: drift compares numeric and categorical columns only`,
    });
  }
  return column;
}
