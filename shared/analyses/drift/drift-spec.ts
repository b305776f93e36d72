import { FaultlineError } from '../../errors.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import { pairDatasets } from '../../schema/pair.ts';

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

/** What a drift analysis compares: plain data, never a callback. */
export interface DriftSpec {
  /** Engine table names (chosen by the engine, never a user's text). */
  referenceTable: string;
  currentTable: string;
  columns: DriftColumn[];
}

export interface DriftSpecOptions {
  /** Only these columns, in this order (CLI `--columns`); default: every paired feature. */
  columns?: readonly string[];
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
    return { referenceTable: reference.table, currentTable: current.table, columns };
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
  return { referenceTable: reference.table, currentTable: current.table, columns };
}
