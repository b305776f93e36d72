import type { ColumnKind } from './column-kind.ts';
import type { ColumnSummary } from './column-summary.ts';
import { isNumericType } from './duck-types.ts';
import { plural } from '../text/plural.ts';

export type ColumnRole =
  'id' | 'time' | 'label' | 'score' | 'prediction' | 'model' | 'feature' | 'ignored';

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
  score:
    /(^|[_\s-])(score|scores|proba|prob|probability|confidence|likelihood)($|[_\s-])|^p_|^p\(|_p$/i,
  prediction:
    /^(pred|prediction|predicted|y_?pred|y_?hat|yhat|predicted_?(label|class|value)?)$|^(predicted|pred)[_\s-]|[_\s-](pred|prediction)$/i,
  label:
    /^(label|labels|target|y|y_?true|truth|ground_?truth|actual|outcome|class|true_?label|gt|is_?positive)$|(^|[_\s-])(label|target|actual)$/i,
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
  const entries = columns.map((c, i) => ({ s: c.summary, kind: c.kind, i }));
  type Entry = (typeof entries)[number];
  const take = (e: Entry, a: RoleAssignment) => {
    out[e.i] = a;
  };
  const free = (e: Entry) => out[e.i] === null;
  const find = (pred: (e: Entry) => boolean) => entries.find((e) => free(e) && pred(e));

  for (const e of entries) {
    if (e.s.nonNull === 0) take(e, { role: 'ignored', reason: 'always null' });
  }

  const id = find(
    (e) =>
      names.id.test(e.s.name) &&
      (e.kind === 'text' || e.kind === 'categorical' || isNumericType(e.s.type)),
  );
  if (id) {
    const unique = id.s.distinct === id.s.nonNull;
    take(id, {
      role: 'id',
      reason: `named '${id.s.name}'${unique ? ', a unique value in every row' : `, ${id.s.distinct} distinct in ${id.s.nonNull} rows`}`,
    });
  }

  const datetimes = entries.filter((e) => free(e) && e.kind === 'datetime');
  const time = datetimes.find((e) => names.time.test(e.s.name)) ?? datetimes[0];
  if (time) {
    const named = names.time.test(time.s.name);
    take(time, {
      role: 'time',
      reason: `${time.s.type} values${named ? `, named '${time.s.name}'` : ''}`,
    });
  }

  const model = find((e) => names.model.test(e.s.name) && e.s.distinct >= 1 && e.s.distinct <= 20);
  if (model) {
    take(model, {
      role: 'model',
      reason: `named '${model.s.name}', ${plural(model.s.distinct, 'version')}`,
    });
  }

  const prediction = find((e) => names.prediction.test(e.s.name) && !names.score.test(e.s.name));
  if (prediction) take(prediction, { role: 'prediction', reason: `named '${prediction.s.name}'` });

  const named = find((e) => names.label.test(e.s.name));
  const paired =
    named ??
    (prediction
      ? find((e) => stem(e.s.name) === stem(prediction.s.name) && isBinaryLike(e.s))
      : undefined);
  if (paired) {
    const how =
      paired === named || !prediction
        ? `named '${paired.s.name}'`
        : `'${paired.s.name}' pairs with the prediction column '${prediction.s.name}'`;
    take(paired, { role: 'label', reason: `${how}, ${paired.s.distinct} distinct values` });
  }

  const unitRange = (s: ColumnSummary) =>
    isNumericType(s.type) && s.min !== null && s.outsideUnit === 0;
  const scoreCandidates = entries.filter(
    (e) => free(e) && isNumericType(e.s.type) && names.score.test(e.s.name),
  );
  const perClass = scoreCandidates.filter((e) => perClassScore.test(e.s.name));
  if (perClass.length >= 3) {
    for (const e of perClass) {
      const cls = perClassScore.exec(e.s.name)?.[1] ?? e.s.name;
      take(e, {
        role: 'score',
        scoresClass: cls,
        reason: `probability of class '${cls}'${unitRange(e.s) ? ', values in [0, 1]' : ''}`,
      });
    }
  } else {
    const labelStem = paired ? stem(paired.s.name) : null;
    const best =
      scoreCandidates.find((e) => labelStem !== null && stem(e.s.name) === labelStem) ??
      scoreCandidates.find((e) => unitRange(e.s)) ??
      scoreCandidates[0];
    if (best) {
      take(best, {
        role: 'score',
        reason: unitRange(best.s)
          ? `values in [0, 1], named '${best.s.name}'`
          : `named '${best.s.name}' (values outside [0, 1]: see warnings)`,
      });
    }
  }

  for (const e of entries) {
    if (!free(e)) continue;
    const { s, kind } = e;
    if (names.latency.test(s.name) && isNumericType(s.type))
      take(e, { role: 'ignored', reason: `operational (latency), not a model input` });
    else if (names.status.test(s.name) && s.distinct <= 20)
      take(e, { role: 'ignored', reason: 'operational (request status), not a model input' });
    else if (s.distinct === 1)
      take(e, { role: 'ignored', reason: 'constant: one value in every row' });
    else if (kind === 'text')
      take(e, { role: 'ignored', reason: `free text (${s.distinct} distinct values)` });
    else if (kind === 'datetime') take(e, { role: 'ignored', reason: 'a second timestamp column' });
    else take(e, { role: 'feature', reason: `${kind} input` });
  }
  return out.map((a) => a ?? { role: 'feature', reason: 'input' });
}
