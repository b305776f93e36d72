import type { ColumnKind } from './column-kind.ts';
import type { RoleAssignment } from './column-role.ts';
import type { ColumnSummary } from './column-summary.ts';

export type Task = 'binary' | 'multiclass' | 'regression';

export const tasks: readonly Task[] = ['binary', 'multiclass', 'regression'];

/** How a binary label's values map to 1 (positive) and 0. */
export interface BinaryLabel {
  positive: string;
  negative: string;
  /** How the positive value was chosen, in words. */
  reason: string;
}

const knownPairs: [positive: string, negative: string][] = [
  ['1', '0'],
  ['true', 'false'],
  ['yes', 'no'],
  ['y', 'n'],
  ['t', 'f'],
  ['positive', 'negative'],
  ['pos', 'neg'],
  ['1.0', '0.0'],
];

/**
 * The positive class of a two-valued label: the user's choice, a known pair (1/0, true/false,
 * yes/no, ...), or else the rarer value, which is usually the event a model is built to catch.
 */
export function binaryLabel(s: ColumnSummary, positive?: string): BinaryLabel | null {
  const values = s.topValues ?? [];
  if (values.length !== 2) return null;
  const [a, b] = values as [{ value: string; count: number }, { value: string; count: number }];
  if (positive !== undefined) {
    const other = a.value === positive ? b : b.value === positive ? a : null;
    return other ? { positive, negative: other.value, reason: 'set by the user' } : null;
  }
  for (const [pos, neg] of knownPairs) {
    const lower = [a.value.toLowerCase(), b.value.toLowerCase()];
    if (lower.includes(pos) && lower.includes(neg)) {
      const p = lower[0] === pos ? a : b;
      const n = p === a ? b : a;
      return {
        positive: p.value,
        negative: n.value,
        reason: `'${p.value}' / '${n.value}' read as 1 / 0`,
      };
    }
  }
  const rarer = a.count <= b.count ? a : b;
  const other = rarer === a ? b : a;
  return {
    positive: rarer.value,
    negative: other.value,
    reason: `'${rarer.value}' is the rarer value (set --positive to choose)`,
  };
}

/** The task from the label's values and the score columns (STATS.md's three tasks). */
export function inferTask(
  columns: { summary: ColumnSummary; kind: ColumnKind; role: RoleAssignment }[],
): { task: Task | null; reason: string } {
  const label = columns.find((c) => c.role.role === 'label');
  if (!label) return { task: null, reason: 'no label column' };
  const classScores = columns.filter((c) => c.role.scoresClass !== undefined);
  if (classScores.length >= 3) {
    return { task: 'multiclass', reason: `${classScores.length} per-class probability columns` };
  }
  if (label.summary.distinct === 2)
    return { task: 'binary', reason: `label '${label.summary.name}' has two values` };
  if (label.kind === 'numeric')
    return {
      task: 'regression',
      reason: `label '${label.summary.name}' is numeric with ${label.summary.distinct} values`,
    };
  if (label.summary.distinct > 2)
    return {
      task: 'multiclass',
      reason: `label '${label.summary.name}' has ${label.summary.distinct} classes`,
    };
  return {
    task: null,
    reason: `label '${label.summary.name}' has only ${label.summary.distinct} value`,
  };
}
