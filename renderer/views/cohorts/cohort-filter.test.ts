import { describe, expect, it } from 'vitest';
import { withCohort } from './cohort-filter.ts';

describe('withCohort', () => {
  it("replaces predicates on the cohort's columns and keeps the others", () => {
    expect(
      withCohort(
        [
          { column: 'region', op: '=', value: 'EU' },
          { column: 'amount', op: '>', value: 10 },
        ],
        [
          { column: 'region', op: '=', value: 'APAC' },
          { column: 'device', op: '=', value: 'android' },
        ],
      ),
    ).toEqual([
      { column: 'amount', op: '>', value: 10 },
      { column: 'region', op: '=', value: 'APAC' },
      { column: 'device', op: '=', value: 'android' },
    ]);
  });

  it('replaces both edges of a numeric bin with the new bin', () => {
    expect(
      withCohort(
        [
          { column: 'amount', op: '>', value: 10 },
          { column: 'amount', op: '<=', value: 20 },
        ],
        [{ column: 'amount', op: '>', value: 40 }],
      ),
    ).toEqual([{ column: 'amount', op: '>', value: 40 }]);
  });
});
