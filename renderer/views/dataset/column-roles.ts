import type { ColumnRole } from '../../../shared/schema/column-role.ts';

/** Each role with what it means, in the order the role menu lists them. */
export const roleHints: Record<ColumnRole, string> = {
  id: 'identifies a row',
  time: 'when the prediction was made',
  label: 'the true outcome',
  score: "the model's probability",
  prediction: "the model's decision",
  model: 'which model or version made the prediction',
  feature: 'a model input',
  ignored: 'left out of every analysis',
};

// Keys of a Record<ColumnRole, …> literal: exactly the roles, so the cast cannot lie, and a new
// role fails to compile until it has a hint.
/** Every role, for the role menu. */
export const columnRoles = Object.keys(roleHints) as ColumnRole[];

const keyRoles: ReadonlySet<ColumnRole> = new Set(['label', 'score', 'prediction', 'time', 'id']);

/** The roles every analysis is organised around; their columns are marked in the table. */
export function isKeyRole(role: ColumnRole): boolean {
  return keyRoles.has(role);
}

/** The role a menu value names, or null for anything else. */
export function roleFromValue(value: string): ColumnRole | null {
  return columnRoles.find((role) => role === value) ?? null;
}
