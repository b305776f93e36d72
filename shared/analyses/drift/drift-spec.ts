import { FaultlineError } from '../../errors.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import { pairDatasets } from '../../schema/pair.ts';
import { withExtras } from './drift-spec-extras.ts';

/** The kinds drift compares (datetime and free text are not binned). */
export type DriftKind = 'numeric' | 'categorical';

/** One column compared between the reference and the current table. */
export interface DriftColumn {
  name: string;
  /** The reference's kind (STATS.md: kinds are decided on R), after any user override. */
  kind: DriftKind;
  /** DuckDB types on each side: float types have NaN/±Infinity to count as invalid. */
  referenceType: string;
  currentType: string;
}

/** A timeline window (CLI `--window`); `auto` picks one from the current data's span. */
export type DriftWindowUnit = 'day' | 'week' | 'month';

/** The current data's binary outcome, for the error concentration of each column (impact). */
export interface DriftOutcome {
  label: string;
  /** The label value that counts as 1, compared as text. */
  positive: string;
  /** The predicted-label column; when null, `score >= threshold` predicts 1. */
  prediction: string | null;
  score: string | null;
  threshold: number;
}

/** What a drift analysis compares: plain data, never a callback. */
export interface DriftSpec {
  /** Engine table names (chosen by the engine, never a user's text). */
  referenceTable: string;
  currentTable: string;
  columns: DriftColumn[];
  /** The current table's time column: with it, a timeline per window and each column's `since`. */
  time?: string;
  /** Default `auto` (drift-window.ts). */
  window?: DriftWindowUnit | 'auto';
  /** With it, each column's impact (drift-impact.ts). */
  outcome?: DriftOutcome;
  /** Why a timeline or impact that was asked for cannot be computed (e.g. no label). */
  skipped?: { timeline?: string; impact?: string };
}

export interface DriftSpecOptions {
  /** Only these columns, in this order (CLI `--columns`); default: every paired feature. */
  columns?: readonly string[];
  /** A timeline (CLI `--window`), on the current data's time column. */
  window?: DriftWindowUnit | 'auto';
  /** The time column, instead of the current schema's time role. */
  time?: string;
  /** Impact from the current schema's label and prediction (or score) roles. */
  impact?: boolean;
  /** Score threshold when there is no prediction column (default 0.5). */
  threshold?: number;
}

/**
 * A DriftSpec from the two schemas: columns paired by name with the reference's kind; by default
 * every feature that is numeric or categorical. A named column that cannot be compared fails
 * with a message naming it.
 */
export function driftSpecFromSchemas(
  reference: DatasetSchema,
  current: DatasetSchema,
  options: DriftSpecOptions = {},
): DriftSpec {
  const pairing = pairDatasets(reference, current);
  const roles = new Map(reference.columns.map((c) => [c.name, c.role]));
  const toColumn = (p: (typeof pairing.matched)[number]): DriftColumn | null => {
    if (p.kind !== 'numeric' && p.kind !== 'categorical') return null;
    // A kind override to numeric on text cannot be binned as numbers; it is compared as text.
    const numeric =
      p.kind === 'numeric' && isNumericType(p.referenceType) && isNumericType(p.currentType);
    return {
      name: p.name,
      kind: numeric ? 'numeric' : 'categorical',
      referenceType: p.referenceType,
      currentType: p.currentType,
    };
  };
  if (options.columns === undefined) {
    const columns = pairing.matched
      .filter((p) => roles.get(p.name) === 'feature')
      .map(toColumn)
      .filter((c): c is DriftColumn => c !== null);
    return withExtras(
      { referenceTable: reference.table, currentTable: current.table, columns },
      current,
      options,
    );
  }
  const byName = new Map(pairing.matched.map((p) => [p.name, p]));
  const columns = options.columns.map((name) => {
    const paired = byName.get(name);
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
  });
  return withExtras(
    { referenceTable: reference.table, currentTable: current.table, columns },
    current,
    options,
  );
}
