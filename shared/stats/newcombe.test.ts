import { describe, expect, it } from 'vitest';
import { newcombeDifference } from './newcombe.ts';

describe('newcombeDifference', () => {
  // Newcombe (1998), Statistics in Medicine 17:873, Table II, method 10: 56/70 - 48/80.
  it("equals Newcombe's published hybrid score interval", () => {
    const r = newcombeDifference(48, 80, 56, 70);
    expect(r?.delta).toBeCloseTo(0.2, 12);
    expect(r?.low).toBeCloseTo(0.0524, 4);
    expect(r?.high).toBeCloseTo(0.3339, 4);
  });

  // Table II, the example 9/10 - 3/10: (0.1705, 0.8090).
  it('matches the small-sample example too', () => {
    const r = newcombeDifference(3, 10, 9, 10);
    expect(r?.low).toBeCloseTo(0.1705, 4);
    expect(r?.high).toBeCloseTo(0.809, 4);
  });

  it('is null for an empty group', () => {
    expect(newcombeDifference(0, 0, 3, 10)).toBeNull();
  });
});
