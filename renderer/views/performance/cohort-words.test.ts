import { describe, expect, it } from 'vitest';
import { cohortKey, cohortValueText, cohortWords } from './cohort-words.ts';

const by = [
  { name: 'region', mode: 'value' as const },
  { name: 'amount', mode: 'quantile' as const },
];

describe('cohort words', () => {
  it('say a cohort column by column', () => {
    expect(cohortWords(by, { region: 'APAC', amount: '(12.5, 40]' })).toBe(
      'region = APAC and amount in (12.5, 40]',
    );
    expect(cohortWords(by, { region: null, amount: '(invalid)' })).toBe(
      'region is missing and amount is not a number',
    );
    expect(cohortWords([{ name: 'flag', mode: 'value' }], { flag: false })).toBe('flag = false');
  });

  it('write a missing value as such', () => {
    expect(cohortValueText(null)).toBe('(missing)');
    expect(cohortValueText(3)).toBe('3');
  });

  it('key a cohort by its values in column order, telling null from the text "null"', () => {
    expect(cohortKey(by, { amount: '(1, 2]', region: 'EU' })).toBe('["EU","(1, 2]"]');
    expect(cohortKey(by, { region: null })).not.toBe(cohortKey(by, { region: 'null' }));
  });
});
