import type { ColumnKind } from './column-kind.ts';
import type { RoleAssignment } from './column-role.ts';
import { timeLikeName, type ColumnSummary } from './column-summary.ts';
import type { Task } from './task.ts';
import { plural } from '../text/plural.ts';

export type WarningCode =
  | 'score_out_of_range'
  | 'non_finite_values'
  | 'label_not_binary'
  | 'label_mapped'
  | 'missing_label'
  | 'missing_score'
  | 'unparseable_timestamp'
  | 'duplicate_ids'
  | 'constant_column'
  | 'high_null_rate'
  | 'all_null'
  | 'duplicate_column_name'
  | 'renamed_column';

export interface ValidationWarning {
  code: WarningCode;
  /** The column at fault, or null for the whole dataset. */
  column: string | null;
  message: string;
}

/** A column's null share above this is reported (a column arriving empty is a silent failure). */
export const highNullRate = 0.2;

const pct = (x: number) => `${(100 * x).toFixed(x < 0.001 ? 3 : 1)}%`;

interface ValidationColumn {
  summary: ColumnSummary;
  kind: ColumnKind;
  role: RoleAssignment;
}

/** Warnings with stable codes for what would make an analysis wrong or silently weaker. */
export function validateColumns(
  rows: number,
  columns: ValidationColumn[],
  task: Task | null,
  labelMapping: { positive: string; negative: string; reason: string } | null,
): ValidationWarning[] {
  const warnings: ValidationWarning[] = [];
  const add = (code: WarningCode, column: string | null, message: string) =>
    warnings.push({ code, column, message });
  for (const { summary: s, role } of columns) {
    const nullRate = rows > 0 ? s.nulls / rows : 0;
    if (s.nonNull === 0) add('all_null', s.name, `'${s.name}' is null in every row`);
    else if (nullRate > highNullRate)
      add(
        'high_null_rate',
        s.name,
        `'${s.name}' is null in ${pct(nullRate)} of rows (${s.nulls} of ${rows})`,
      );
    if (s.invalid > 0)
      add(
        'non_finite_values',
        s.name,
        `'${s.name}' has ${plural(s.invalid, 'NaN or infinite value')}; they are excluded from statistics and counted as invalid`,
      );
    if (s.distinct === 1 && s.nonNull > 0 && role.role !== 'model')
      add('constant_column', s.name, `'${s.name}' has one value in every row`);
    if (role.role === 'score' && s.outsideUnit > 0) {
      add(
        'score_out_of_range',
        s.name,
        `score '${s.name}' has ${plural(s.outsideUnit, 'value')} outside [0, 1] (min ${s.min}, max ${s.max}); a probability is expected`,
      );
    }
    if (role.role === 'id' && s.distinct < s.nonNull) {
      add(
        'duplicate_ids',
        s.name,
        `id '${s.name}' repeats: ${plural(s.nonNull - s.distinct, 'row shares', 'rows share')} an id with an earlier row`,
      );
    }
    if (
      s.type === 'VARCHAR' &&
      timeLikeName.test(s.name) &&
      s.notTimestamp > 0 &&
      s.notTimestamp < s.nonNull
    ) {
      add(
        'unparseable_timestamp',
        s.name,
        `'${s.name}' looks like a time column but ${s.notTimestamp} of ${s.nonNull} values are not timestamps, so it was read as text`,
      );
    }
    if (
      role.role === 'label' &&
      task === 'binary' &&
      labelMapping &&
      !(labelMapping.positive === '1' && labelMapping.negative === '0')
    ) {
      add('label_mapped', s.name, `label '${s.name}': ${labelMapping.reason}`);
    }
    // One probability column means a binary log, whatever the label holds.
    const oneScore =
      task === 'multiclass' &&
      columns.some((c) => c.role.role === 'score' && c.role.scoresClass === undefined) &&
      !columns.some((c) => c.role.scoresClass !== undefined);
    if (role.role === 'label' && s.distinct !== 2 && (task === 'binary' || oneScore)) {
      add(
        'label_not_binary',
        s.name,
        `label '${s.name}' has ${plural(s.distinct, 'value')} (${(s.topValues ?? [])
          .slice(0, 5)
          .map((v) => v.value)
          .join(', ')}), but a binary log with one score column needs exactly two`,
      );
    }
  }
  if (!columns.some((c) => c.role.role === 'label'))
    add(
      'missing_label',
      null,
      'no label column found: set --label COL (performance, calibration and slices need it)',
    );
  if (task === 'binary' && !columns.some((c) => c.role.role === 'score'))
    add(
      'missing_score',
      null,
      'no score column found: set --score COL (AUC, log loss and calibration need it)',
    );
  return warnings;
}
