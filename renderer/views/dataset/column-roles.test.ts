import { describe, expect, it } from 'vitest';
import { columnRoles, isKeyRole, roleFromValue } from './column-roles.ts';

describe('column roles', () => {
  it('lists each role once', () => {
    expect(new Set(columnRoles).size).toBe(columnRoles.length);
    expect([...columnRoles].sort()).toEqual(
      ['feature', 'id', 'ignored', 'label', 'model', 'prediction', 'score', 'time'].sort(),
    );
  });

  it('marks the columns analyses are organised around', () => {
    expect(columnRoles.filter(isKeyRole).sort()).toEqual(
      ['id', 'label', 'prediction', 'score', 'time'].sort(),
    );
  });

  it('reads menu values back as roles, and nothing else', () => {
    expect(roleFromValue('score')).toBe('score');
    expect(roleFromValue('Score')).toBeNull();
    expect(roleFromValue('')).toBeNull();
  });
});
