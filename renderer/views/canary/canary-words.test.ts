import { describe, expect, it } from 'vitest';
import {
  deltaText,
  designWords,
  populationWords,
  relativeIntervalText,
  relativeText,
  resultText,
  rowsWords,
  samePopulationWords,
  scoreWords,
  sidesText,
  skippedWords,
  toleranceText,
  valueText,
} from './canary-words.ts';
import { canaryFail, canaryInvalid } from './test-fixtures.ts';

describe('canary words', () => {
  it('writes values and changes in their metric’s unit', () => {
    expect(valueText('recall', 0.6957)).toBe('69.6%');
    expect(valueText('auc', 0.8614)).toBe('0.861');
    expect(valueText('latency_p99', 123.44)).toBe('123.4 ms');
    expect(valueText('success_rate_floor', 0.995)).toBe('99.5%');
    expect(valueText('recall', null)).toBe('–');
    expect(deltaText('recall', -0.4814)).toBe('−48.1 pts');
    expect(deltaText('auc', 0.1145)).toBe('+0.115');
    expect(deltaText('latency_p99', 11.64)).toBe('+11.64 ms');
    expect(deltaText('precision', 0)).toBe('±0.0 pts');
    expect(relativeText(-0.69196)).toBe('−69.2%');
    expect(relativeText(0.104)).toBe('+10.4%');
    expect(relativeIntervalText({ low: -0.959, high: -0.299 })).toBe('[−96%, −30%]');
    expect(relativeIntervalText(null)).toBe('');
  });

  it('says what each tolerance allows and how each check ended', () => {
    const t = (metric: 'recall' | 'auc' | 'latency_p99', tolerance: number) =>
      toleranceText({
        metric,
        tolerance,
        tolerance_kind: metric === 'auc' ? 'absolute' : 'relative',
      });
    expect(t('recall', 0.03)).toBe('3% drop');
    expect(t('auc', 0.02)).toBe('0.020 drop');
    expect(t('latency_p99', 0.1)).toBe('10% rise');
    expect(
      toleranceText({ metric: 'latency_p99_ceiling', tolerance: 500, tolerance_kind: 'ceiling' }),
    ).toBe('at most 500 ms');
    expect(
      toleranceText({ metric: 'success_rate_floor', tolerance: 0.99, tolerance_kind: 'ceiling' }),
    ).toBe('at least 99.0%');
    expect([true, false, null].map((passed) => resultText({ passed }))).toEqual([
      'pass',
      'FAIL',
      'not judged',
    ]);
  });

  it('sums up the verdict, the population, the design and the sides', () => {
    const result = canaryFail();
    expect(scoreWords(result)).toBe('score 87.5 of 100, 7 of 8 checks passed');
    expect(scoreWords({ score: null, scored: 0, passed: 0 })).toBe('no check could be scored');
    expect(scoreWords({ score: 100, scored: 1, passed: 1 })).toBe(
      'score 100.0 of 100, 1 of 1 check passed',
    );
    expect(populationWords(result.population, 0.2)).toBeNull();
    expect(samePopulationWords(result.population, 0.2)).toBe(
      "Same population: every input's PSI is below 0.2 (largest 0.004).",
    );
    expect(populationWords(canaryInvalid().population, 0.2)).toBe(
      'The populations differ: amount (PSI 0.41), region (PSI 0.23) are at or beyond the population guardrail (PSI 0.2).',
    );
    expect(designWords(result)).toBe(
      'split: the two versions scored different rows (no id in both).',
    );
    expect(
      designWords({
        design: 'shadow',
        design_reason: 'the same ids',
        rows: { ...result.rows, joined: 6400 },
      }),
    ).toBe('shadow: the same ids; 6,400 rows joined by id.');
    expect(rowsWords(result)).toBe('6,500 baseline rows (v1), 6,500 canary rows (v2)');
    expect(rowsWords({ ...result, source: { kind: 'files' } })).toBe(
      '6,500 baseline rows, 6,500 canary rows',
    );
    expect(skippedWords(result.skipped)).toBe(
      'Not checked: success rate (no success or status column).',
    );
    expect(skippedWords([{ metric: 'model', reason: 'no label' }])).toBe(
      'Not checked: model (no label).',
    );
    expect(skippedWords([])).toBeNull();
    expect(sidesText({ baseline: 0.012, canary: null })).toBe('0.012 → –');
  });
});
