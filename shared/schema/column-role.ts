import type { ColumnKind } from './column-kind.ts';
import type { ColumnSummary } from './column-summary.ts';
import { isNumericType } from './duck-types.ts';
import { plural } from '../text/plural.ts';

export type ColumnRole = 'id' | 'time' | 'label' | 'score' | 'prediction' | 'model' | 'feature' | 'ignored';

export const columnRoles: readonly ColumnRole[] = ['id', 'time', 'label', 'score', 'prediction', 'model', 'feature', 'ignored'];

/** What role inference sees of one column. */
export interface RoleInput {
  summary: ColumnSummary;
  kind: ColumnKind;
}

export interface RoleAssignment {
  role: ColumnRole;
  reason: string;
  /** For per-class probability columns of a multiclass log: the class they score. */
  scoresClass?: string;
}

const names = {
  id: /^(id|uuid|guid|key)$|(^|[_\s-])(id|uuid|guid)$|^(transaction|request|event|row|record|txn|order|prediction)_?id$/i,
  time: /(^|[_\s-])(time|timestamp|ts|date|datetime|created|created_at|event_time|occurred_at|scored_at|at)$|^(time|timestamp|ts|date|datetime)/i,
  model: /^(model|model_?version|model_?id|model_?name|version|variant|arm|model_?tag)$/i,
  score: /(^|[_\s-])(score|scores|proba|prob|probability|confidence|likelihood)($|[_\s-])|^p_|^p\(|_p$/i,
  prediction: /^(pred|prediction|predicted|y_?pred|y_?hat|yhat|predicted_?(label|class|value)?)$|^(predicted|pred)[_\s-]|[_\s-](pred|prediction)$/i,
  label: /^(label|labels|target|y|y_?true|truth|ground_?truth|actual|outcome|class|true_?label|gt|is_?positive)$|(^|[_\s-])(label|target|actual)$/i,
  latency: /(latency|duration|elapsed|response_?time)/i,
  status: /^(status|status_?code|http_?status|success|error|error_?code|ok)$/i,
} as const;

const perClassScore = /^(?:p|prob|proba|probability|score)[_:\s(]+(.+?)\)?$/i;

function stem(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(is|has|predicted|pred|y)[_\s-]*/, '')
    .replace(/[_\s-]*(label|pred|prediction|score|proba|prob|probability|true|actual)$/, '');
}

function isBinaryLike(s: ColumnSummary): boolean {
  return s.distinct === 2;
}

/**
 * Infers each column's role from its name and values, with the reason in words. At most one id,
 * time, label, prediction and model column; several score columns only as per-class
 * probabilities (multiclass).
 */
export function inferRoles(columns: RoleInput[]): RoleAssignment[] {
  const out: (RoleAssignment | null)[] = columns.map(() => null);
  const take = (i: number, a: RoleAssignment) => {
    out[i] = a;
  };
  const free = (i: number) => out[i] === null;
  const find = (pred: (c: RoleInput, i: number) => boolean) => columns.findIndex((c, i) => free(i) && pred(c, i));

  // Always-null and constant columns carry no information for any role.
  columns.forEach(({ summary: s }, i) => {
    if (s.nonNull === 0) take(i, { role: 'ignored', reason: 'always null' });
  });

  const id = find(({ summary: s, kind }) => names.id.test(s.name) && (kind === 'text' || kind === 'categorical' || isNumericType(s.type)));
  if (id >= 0) {
    const s = columns[id]!.summary;
    const unique = s.distinct === s.nonNull;
    take(id, { role: 'id', reason: `named '${s.name}'${unique ? ', a unique value in every row' : `, ${s.distinct} distinct in ${s.nonNull} rows`}` });
  }

  const datetimes = columns.map((c, i) => ({ c, i })).filter(({ c, i }) => free(i) && c.kind === 'datetime');
  const time = datetimes.find(({ c }) => names.time.test(c.summary.name)) ?? datetimes[0];
  if (time) {
    const named = names.time.test(time.c.summary.name);
    take(time.i, { role: 'time', reason: `${time.c.summary.type} values${named ? `, named '${time.c.summary.name}'` : ''}` });
  }

  const model = find(({ summary: s }) => names.model.test(s.name) && s.distinct >= 1 && s.distinct <= 20);
  if (model >= 0) take(model, { role: 'model', reason: `named '${columns[model]!.summary.name}', ${plural(columns[model]!.summary.distinct, 'version')}` });

  const prediction = find(({ summary: s }) => names.prediction.test(s.name) && !names.score.test(s.name));
  if (prediction >= 0) take(prediction, { role: 'prediction', reason: `named '${columns[prediction]!.summary.name}'` });

  const predStem = prediction >= 0 ? stem(columns[prediction]!.summary.name) : null;
  let label = find(({ summary: s }) => names.label.test(s.name));
  if (label < 0 && predStem) {
    label = find(({ summary: s }) => stem(s.name) === predStem && isBinaryLike(s));
  }
  if (label >= 0) {
    const s = columns[label]!.summary;
    const how = names.label.test(s.name) ? `named '${s.name}'` : `'${s.name}' pairs with the prediction column '${columns[prediction]!.summary.name}'`;
    take(label, { role: 'label', reason: `${how}, ${s.distinct} distinct values` });
  }

  const unitRange = (s: ColumnSummary) => isNumericType(s.type) && s.min !== null && s.outsideUnit === 0;
  const scoreCandidates = columns
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => free(i) && isNumericType(c.summary.type) && names.score.test(c.summary.name));
  const perClass = scoreCandidates.filter(({ c }) => perClassScore.test(c.summary.name));
  if (perClass.length >= 3) {
    for (const { c, i } of perClass) {
      const cls = perClassScore.exec(c.summary.name)?.[1] ?? c.summary.name;
      take(i, { role: 'score', scoresClass: cls, reason: `probability of class '${cls}'${unitRange(c.summary) ? ', values in [0, 1]' : ''}` });
    }
  } else if (scoreCandidates.length > 0) {
    const labelStem = label >= 0 ? stem(columns[label]!.summary.name) : null;
    const best = scoreCandidates.find(({ c }) => labelStem !== null && stem(c.summary.name) === labelStem) ?? scoreCandidates.find(({ c }) => unitRange(c.summary)) ?? scoreCandidates[0]!;
    const s = best.c.summary;
    take(best.i, { role: 'score', reason: unitRange(s) ? `values in [0, 1], named '${s.name}'` : `named '${s.name}' (values outside [0, 1]: see warnings)` });
  }

  columns.forEach(({ summary: s, kind }, i) => {
    if (!free(i)) return;
    if (names.latency.test(s.name) && isNumericType(s.type)) take(i, { role: 'ignored', reason: `operational (latency), not a model input` });
    else if (names.status.test(s.name) && s.distinct <= 20) take(i, { role: 'ignored', reason: 'operational (request status), not a model input' });
    else if (s.distinct === 1) take(i, { role: 'ignored', reason: 'constant: one value in every row' });
    else if (kind === 'text') take(i, { role: 'ignored', reason: `free text (${s.distinct} distinct values)` });
    else if (kind === 'datetime') take(i, { role: 'ignored', reason: 'a second timestamp column' });
    else take(i, { role: 'feature', reason: `${kind} input` });
  });
  return out.map((a) => a ?? { role: 'feature', reason: 'input' });
}
