// What a baseline-vs-canary comparison asks (STATS.md "Comparing two models or windows"): where
// each side's rows are (two tables, or one log split by its model column), the binary outcome,
// the operational columns, the segments, the population's input features and the guardrails.
// Plain data, built from the schemas.
import { FaultlineError } from '../../errors.ts';
import type { DatasetSchema, SchemaColumn } from '../../schema/dataset-schema.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import type { Predicate } from '../../sql/predicate.ts';
import { outcomeFromSchema, roleColumn, type BinaryOutcome } from '../binary-outcome.ts';
import { checkedCohortFilter } from '../cohort-source.ts';
import { driftSpecFromSchemas, type DriftColumn } from '../drift/drift-spec.ts';
import {
  multiclassSpecFromSchemas,
  type LabelledSide,
} from '../performance/performance-task-spec.ts';
import { timeColumn, type WindowUnit } from '../windows.ts';
import { DEFAULT_GUARDRAILS, type CanaryGuardrails } from './canary-guardrails.ts';
import type { CanaryDesign } from './canary-result.ts';
import { successRule, type SuccessRule } from './canary-success.ts';

/** STATS.md: default segments are categorical features with 2 to 20 values. */
export const MAX_SEGMENT_VALUES = 20;

/**
 * STATS.md's default segment column: a categorical feature with 2 to 20 values (never the label,
 * score, prediction, id, time or model column, whose roles are not `feature`).
 */
export function isDefaultSegmentColumn(c: SchemaColumn): boolean {
  return (
    c.role === 'feature' &&
    c.kind === 'categorical' &&
    c.distinct >= 2 &&
    c.distinct <= MAX_SEGMENT_VALUES
  );
}

/** Where the two sides' rows are: engine table names, never a user's text. */
export type CanarySource =
  | { kind: 'files'; baselineTable: string; canaryTable: string }
  | {
      kind: 'model_column';
      table: string;
      /** The model-version column; its values compare as text. */
      column: string;
      baseline: string;
      canary: string;
    };

export interface SegmentColumn {
  name: string;
  /** Text on both sides when their types differ, so the two sides' values compare. */
  asText: boolean;
}

export interface CanarySpec {
  source: CanarySource;
  /** A binary log's outcome: recall, precision, accuracy and AUC. */
  outcome: BinaryOutcome | null;
  /** A multiclass log's label and prediction: accuracy only. Both null: no model checks (why is in `skipped`). */
  multiclass: LabelledSide | null;
  id: string | null;
  time: string | null;
  latency: string | null;
  success: { column: string; rule: SuccessRule } | null;
  segments: SegmentColumn[];
  /** Input features whose population stability is checked first (baseline = reference side). */
  features: DriftColumn[];
  /** The score as drift compares it, for its PSI beside the checks; null without a score. */
  scoreDrift: DriftColumn | null;
  /** `auto`: shadow when both sides hold the same set of ids, else split. */
  design: CanaryDesign | 'auto';
  guardrails: CanaryGuardrails;
  skipped: { metric: string; reason: string }[];
  /** The cohort filter, on both sides. */
  where?: Predicate[];
  /** With a time column: the checks per window too. */
  window?: WindowUnit | 'auto';
}

export interface CanarySpecOptions {
  /** Segment columns (CLI `--by`); default every categorical feature with 2 to 20 values. */
  by?: readonly string[];
  guardrails?: CanaryGuardrails;
  design?: CanaryDesign | 'auto';
  where?: readonly Predicate[];
  /** Score threshold instead of the logged prediction column. */
  threshold?: number;
  window?: WindowUnit | 'auto';
  time?: string;
  latency?: string;
  success?: string;
  id?: string;
}

const bad = (message: string, column?: string): FaultlineError =>
  new FaultlineError({
    code: 'bad_argument',
    message: `canary: ${message}`,
    ...(column ? { column } : {}),
  });

const columnOf = (schema: DatasetSchema, name: string) =>
  schema.columns.find((c) => c.name === name);

/** A column the user named, present on every side, or one inferred from the first side. */
function operational(
  sides: readonly DatasetSchema[],
  named: string | undefined,
  inferred: (c: SchemaColumn) => boolean,
  what: string,
): SchemaColumn | null {
  const [first] = sides;
  if (first === undefined) return null;
  const column = named === undefined ? first.columns.find(inferred) : columnOf(first, named);
  if (named !== undefined && column === undefined) {
    throw new FaultlineError({
      code: 'unknown_column',
      column: named,
      message: `canary: no ${what} column named "${named}"`,
    });
  }
  if (column === undefined) return null;
  const missing = sides.find((s) => columnOf(s, column.name) === undefined);
  if (missing !== undefined) {
    if (named === undefined) return null;
    throw new FaultlineError({
      code: 'unknown_column',
      column: named,
      message: `canary: the ${what} column "${named}" is missing from one side`,
    });
  }
  return column;
}

const operationalReason = (c: SchemaColumn, kind: string) =>
  c.role === 'ignored' && c.roleReason.startsWith(`operational (${kind})`);

/** The segment columns: those named, or the default categorical features (STATS.md). */
function segmentColumns(
  sides: readonly DatasetSchema[],
  by: readonly string[] | undefined,
): SegmentColumn[] {
  const [first] = sides;
  if (first === undefined) return [];
  const typesOf = (name: string) => sides.map((s) => columnOf(s, name)?.type);
  const toSegment = (name: string): SegmentColumn => {
    const types = typesOf(name);
    return { name, asText: new Set(types).size > 1 };
  };
  if (by === undefined) {
    return first.columns
      .filter((c) => isDefaultSegmentColumn(c) && typesOf(c.name).every((t) => t !== undefined))
      .map((c) => toSegment(c.name));
  }
  return by.map((name) => {
    const column = columnOf(first, name);
    if (column === undefined || typesOf(name).some((t) => t === undefined)) {
      throw new FaultlineError({
        code: 'unknown_column',
        column: name,
        message: `canary: no segment column named "${name}" on both sides`,
      });
    }
    if (column.role === 'label' || column.role === 'score' || column.role === 'prediction') {
      throw bad(`'${name}' is the ${column.role}: segments cut the rows by an input`, name);
    }
    if (column.distinct > MAX_SEGMENT_VALUES) {
      throw bad(
        `'${name}' has ${column.distinct} values: a segment column takes at most ${MAX_SEGMENT_VALUES}`,
        name,
      );
    }
    return toSegment(name);
  });
}

interface SideSchemas {
  source: CanarySource;
  baseline: DatasetSchema;
  canary: DatasetSchema;
  /** The model column, never a segment or feature. */
  model: string | null;
}

/** A multiclass log's label and prediction columns, or null (saying why in `skipped`). */
function multiclassSide(
  schema: DatasetSchema,
  skipped: CanarySpec['skipped'],
): LabelledSide | null {
  if (schema.task !== 'multiclass') return null;
  try {
    const side = multiclassSpecFromSchemas(schema, null).log;
    skipped.push({
      metric: 'model',
      reason:
        'a multiclass log: accuracy is checked (recall, precision and AUC are binary metrics)',
    });
    return side;
  } catch (e) {
    if (!(e instanceof FaultlineError)) throw e;
    skipped.push({ metric: 'model', reason: `${e.message}: accuracy is not checked` });
    return null;
  }
}

function specOf(sides: SideSchemas, options: CanarySpecOptions): CanarySpec {
  const { baseline, canary } = sides;
  const both = [baseline, canary];
  const skipped: CanarySpec['skipped'] = [];
  const outcome = outcomeFromSchema(baseline, options.threshold, 'the baseline');
  // A threshold the user sets cuts the score instead of the logged prediction (as performance).
  const binary =
    typeof outcome === 'string'
      ? null
      : options.threshold !== undefined && outcome.score !== null
        ? { ...outcome, prediction: null }
        : outcome;
  const multiclass = binary === null ? multiclassSide(baseline, skipped) : null;
  if (typeof outcome === 'string' && multiclass === null && baseline.task !== 'multiclass') {
    skipped.push({
      metric: 'model',
      reason: `${outcome}: recall, precision, accuracy and AUC are not checked`,
    });
  }
  const judged = binary ?? multiclass;
  const columns = binary
    ? [binary.label, binary.prediction, binary.score]
    : judged
      ? [judged.label, judged.prediction]
      : [];
  for (const column of columns) {
    if (column !== null && columnOf(canary, column) === undefined) {
      throw new FaultlineError({
        code: 'unknown_column',
        column,
        message: `canary: the canary has no column "${column}" (the baseline's ${column === judged?.label ? 'label' : 'prediction'})`,
      });
    }
  }
  const latency = operational(
    both,
    options.latency,
    (c) => operationalReason(c, 'latency'),
    'latency',
  );
  if (latency !== null && !isNumericType(latency.type)) {
    throw bad(
      `the latency column '${latency.name}' is ${latency.type}, not a number`,
      latency.name,
    );
  }
  if (latency === null) skipped.push({ metric: 'latency_p99', reason: 'no latency column' });
  const success = operational(
    both,
    options.success,
    (c) => operationalReason(c, 'request status'),
    'success',
  );
  if (success === null)
    skipped.push({ metric: 'success_rate', reason: 'no success or status column' });
  if (judged === null && latency === null && success === null) {
    throw bad(
      `nothing to compare: ${typeof outcome === 'string' ? outcome : 'no outcome'}, and no latency or success column (set --label, --latency or --success)`,
    );
  }
  const id = operational(both, options.id, (c) => c.role === 'id', 'id');
  if (options.design === 'shadow' && id === null) {
    throw bad('a shadow comparison joins the two sides by id: no id column (set --id COL)');
  }
  const time = timeColumn(baseline, options.time, 'the baseline');
  const where = checkedCohortFilter(options.where ?? [], [
    ['baseline', baseline],
    ['canary', canary],
  ]);
  const segments = segmentColumns(both, options.by).filter((s) => s.name !== sides.model);
  const comparable = driftSpecFromSchemas(baseline, canary).columns;
  // A column named as latency, success or id is the serving's, not the model's input.
  const notInputs = new Set([sides.model, latency?.name, success?.name, id?.name]);
  const features = comparable.filter((c) => c.role === 'feature' && !notInputs.has(c.name));
  const scoreDrift =
    comparable.find(
      (c) => c.role === 'score' && c.name === binary?.score && c.kind === 'numeric',
    ) ?? null;
  return {
    source: sides.source,
    outcome: binary,
    multiclass,
    id: id?.name ?? null,
    time,
    latency: latency?.name ?? null,
    success: success === null ? null : { column: success.name, rule: successRule(success) },
    segments,
    features,
    scoreDrift,
    design: options.design ?? 'auto',
    guardrails: options.guardrails ?? DEFAULT_GUARDRAILS,
    skipped,
    ...(where.length > 0 ? { where } : {}),
    ...(options.window !== undefined && time !== null ? { window: options.window } : {}),
  };
}

/** Baseline and canary in two tables (CLI `--baseline B --canary C`). */
export function canarySpecFromFiles(
  baseline: DatasetSchema,
  canary: DatasetSchema,
  options: CanarySpecOptions = {},
): CanarySpec {
  const source: CanarySource = {
    kind: 'files',
    baselineTable: baseline.table,
    canaryTable: canary.table,
  };
  return specOf({ source, baseline, canary, model: null }, options);
}

/** One log split by its model column (CLI `--log L --model COL --baseline-version X …`). */
export function canarySpecFromModelColumn(
  log: DatasetSchema,
  model: { column?: string; baseline: string; canary: string },
  options: CanarySpecOptions = {},
): CanarySpec {
  const column = model.column ?? roleColumn(log, 'model');
  if (column === null) throw bad('the log has no model-version column (set --model COL)');
  if (columnOf(log, column) === undefined) {
    throw new FaultlineError({
      code: 'unknown_column',
      column,
      message: `canary: no model column named "${column}" in the log`,
    });
  }
  if (model.baseline === model.canary) {
    throw bad(`the baseline and canary versions are both '${model.baseline}'`);
  }
  const source: CanarySource = {
    kind: 'model_column',
    table: log.table,
    column,
    baseline: model.baseline,
    canary: model.canary,
  };
  return specOf({ source, baseline: log, canary: log, model: column }, options);
}
