import { describe, expect, it } from 'vitest';
import { describePredicates } from './predicates.ts';

describe('describePredicates', () => {
  it('joins predicates with "and", numbers rounded to four digits', () => {
    expect(
      describePredicates([
        { column: 'amount', op: '>', value: 134.36100000000002 },
        { column: 'amount', op: '<=', value: 1500 },
        { column: 'region', op: '=', value: 'APAC' },
      ]),
    ).toBe('amount > 134.4 and amount ≤ 1,500 and region = APAC');
  });

  it('says missing and present for null comparisons, and lists IN values', () => {
    expect(describePredicates([{ column: 'distance km', op: '=', value: null }])).toBe(
      'distance km is missing',
    );
    expect(describePredicates([{ column: 'x', op: '!=', value: null }])).toBe('x is present');
    expect(describePredicates([{ column: 'device', op: 'IN', value: ['ios', null] }])).toBe(
      'device in {ios, null}',
    );
  });

  it('is empty for no predicates', () => {
    expect(describePredicates([])).toBe('');
  });
});
