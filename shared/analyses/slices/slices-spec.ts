// What a weak-slice search asks of a log (STATS.md "Weak-slice discovery (SliceLine)"): the row
// error per task, the feature columns searched, the parameters, the subset searched and the
// reference each top slice is compared with. Plain data, built from the schemas.
import { FaultlineError } from '../../errors.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import type { Predicate } from '../../sql/predicate.ts';
import { checkedCohortFilter } from '../cohort-source.ts';
import { rowOutcomeFromSchema, type RowOutcome, type RowTask } from '../row-outcome.ts';
import { timeColumn } from '../windows.ts';

export type SlicesTask = RowTask;

export const DEFAULT_ALPHA = 0.95;
export const DEFAULT_K = 10;
export const DEFAULT_MAX_LEVEL = 3;
/** STATS.md's default min support: max(32, ceil(0.01 n)). */
export const defaultMinSupport = (n: number): number => Math.max(32, Math.ceil(0.01 * n));
/** Numeric columns are cut into this many equal-mass bins. */
export const SLICE_BINS = 5;

/** A feature column searched: numeric ones by their equal-mass bin, the others by value. */
export interface SliceFeature {
  name: string;
  type: string;
  numeric: boolean;
}

/** A table and its row outcome. */
export interface SlicesSide {
  table: string;
  outcome: RowOutcome;
}

export interface SlicesSpec {
  log: SlicesSide;
  /** Each top slice's error there too, to tell "always hard" from "broke". */
  reference?: SlicesSide;
  /** In the log's column order (the order of the predicate text that breaks ties). */
  features: SliceFeature[];
  /** Feature columns not searched, and why. */
  skipped: { column: string; reason: string }[];
  /** The subset searched (the cohort filter): on both sides. */
  where?: Predicate[];
  /** One window of the log's time column: the log only, its slices compared with the whole reference. */
  window?: Predicate[];
  alpha: number;
  k: number;
  maxLevel: number;
  /** Null: STATS.md's default for the rows searched. */
  minSupport: number | null;
}

export interface SlicesSpecOptions {
  /** CLI `--alpha`, in (0, 1]; default 0.95. */
  alpha?: number;
  /** CLI `--k`, a whole number >= 1; default 10. */
  k?: number;
  /** CLI `--max-level`, a whole number >= 1; default 3. */
  maxLevel?: number;
  /** CLI `--min-support`, a whole number >= 1; default max(32, ceil(0.01 n)). */
  minSupport?: number | null;
  /** The feature columns to search; default every column whose role is feature. */
  columns?: readonly string[];
  /** The subset searched (CLI `--where`, the app's cohort filter and window). */
  where?: readonly Predicate[];
  /** Binary only: predict positive when score >= threshold instead of the logged prediction. */
  threshold?: number;
  /** Only the log's rows from `start` (inclusive) to `end` (exclusive) of its time column. */
  window?: SliceWindow;
}

/** A time window, as ISO dates or timestamps (DuckDB casts them to the time column's type). */
export interface SliceWindow {
  start: string;
  end: string;
}

/** The window as predicates on the log's time column (the log must have one). */
function windowPredicates(log: DatasetSchema, window: SliceWindow): Predicate[] {
  const time = timeColumn(log, undefined, 'the log');
  if (time === null) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: 'slices: the log has no time column to take a window of',
    });
  }
  return [
    { column: time, op: '>=', value: window.start },
    { column: time, op: '<', value: window.end },
  ];
}

function badArgument(message: string): FaultlineError {
  return new FaultlineError({ code: 'bad_argument', message });
}

/** A whole number >= 1, or an error naming the flag and what was given. */
export function wholeAtLeastOne(value: number, flag: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw badArgument(`${flag} must be a whole number of 1 or more, not ${String(value)}`);
  }
  return value;
}

/** alpha, checked: STATS.md's score weighs error against size with it, in (0, 1]. */
export function checkedAlpha(alpha: number): number {
  if (!(alpha > 0 && alpha <= 1)) {
    throw badArgument(
      `--alpha must be in (0, 1] (the weight of a slice's error against its size), not ${String(alpha)}`,
    );
  }
  return alpha;
}

/** Why a feature column cannot be searched by value or bin, or null when it can. */
function whyNotSearched(kind: string, type: string): string | null {
  if (kind === 'text') return 'free text: nearly every value is unique';
  if (kind === 'datetime') return 'a time: slice by a time window instead';
  if (kind === 'numeric' && !isNumericType(type)) return `numeric kind but stored as ${type}`;
  return null;
}

const OUTCOME_ROLES = new Set<string>(['label', 'score', 'prediction']);

function features(
  log: DatasetSchema,
  requested: readonly string[] | undefined,
): Pick<SlicesSpec, 'features' | 'skipped'> {
  const names = requested ?? log.columns.filter((c) => c.role === 'feature').map((c) => c.name);
  for (const name of names) {
    if (!log.columns.some((c) => c.name === name)) {
      throw new FaultlineError({
        code: 'unknown_column',
        column: name,
        message: `slices: no column named "${name}" in the log to search`,
      });
    }
  }
  for (const c of log.columns) {
    // Slicing by the outcome finds where the outcome is what it is: it leaks the answer.
    if (names.includes(c.name) && OUTCOME_ROLES.has(c.role)) {
      throw new FaultlineError({
        code: 'bad_argument',
        column: c.name,
        message: `slices: "${c.name}" is the ${c.role} column; slices are searched over the model's inputs, not its outcome`,
      });
    }
  }
  const wanted = new Set(names);
  const out: Pick<SlicesSpec, 'features' | 'skipped'> = { features: [], skipped: [] };
  for (const c of log.columns) {
    if (!wanted.has(c.name)) continue;
    const why = whyNotSearched(c.kind, c.type);
    if (why !== null) out.skipped.push({ column: c.name, reason: why });
    else out.features.push({ name: c.name, type: c.type, numeric: c.kind === 'numeric' });
  }
  if (out.features.length === 0) {
    throw new FaultlineError({
      code: 'bad_role',
      message:
        names.length === 0
          ? 'slices: the log has no feature columns to search (set roles, or name them with --columns)'
          : `slices: none of ${names.map((n) => `"${n}"`).join(', ')} can be searched (${out.skipped.map((s) => `${s.column}: ${s.reason}`).join('; ')})`,
    });
  }
  return out;
}

/**
 * A SlicesSpec from the log's schema (and the reference's): the row error of the log's task, the
 * features (in the log's column order), the parameters checked, and the subset. A reference
 * lacking the log's outcome columns or a searched feature fails, naming it.
 */
export function slicesSpecFromSchemas(
  log: DatasetSchema,
  reference: DatasetSchema | null,
  options: SlicesSpecOptions = {},
): SlicesSpec {
  const alpha = checkedAlpha(options.alpha ?? DEFAULT_ALPHA);
  const k = wholeAtLeastOne(options.k ?? DEFAULT_K, '--k');
  const maxLevel = wholeAtLeastOne(options.maxLevel ?? DEFAULT_MAX_LEVEL, '--max-level');
  const minSupport =
    options.minSupport == null ? null : wholeAtLeastOne(options.minSupport, '--min-support');
  const sides: [string, DatasetSchema][] = [['log', log]];
  if (reference) sides.push(['reference', reference]);
  const where = checkedCohortFilter(options.where ?? [], sides);
  const outcome = rowOutcomeFromSchema(log, where, options.threshold, 'slices');
  const searched = features(log, options.columns);
  const spec: SlicesSpec = {
    log: { table: log.table, outcome },
    ...searched,
    alpha,
    k,
    maxLevel,
    minSupport,
  };
  if (where.length > 0) spec.where = where;
  if (options.window) spec.window = windowPredicates(log, options.window);
  if (reference) {
    for (const f of searched.features) {
      if (!reference.columns.some((c) => c.name === f.name)) {
        throw new FaultlineError({
          code: 'unknown_column',
          column: f.name,
          message: `slices: no column named "${f.name}" in the reference to compare the slices with`,
        });
      }
    }
    const referenceOutcome = rowOutcomeFromSchema(
      { ...reference, task: log.task, label: log.label },
      where,
      options.threshold,
      'slices (reference)',
    );
    spec.reference = { table: reference.table, outcome: referenceOutcome };
  }
  return spec;
}
