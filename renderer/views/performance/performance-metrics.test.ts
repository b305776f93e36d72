import { describe, expect, it } from 'vitest';
import { higherIsBetter } from '../../../shared/analyses/performance/performance-metrics.ts';
import { primaryMetrics } from '../../../shared/analyses/performance/performance-spec.ts';
import {
  labelInSentence,
  metricLabel,
  metricOf,
  performanceTask,
  primaryCapable,
  primaryFor,
  taskMetrics,
  worseningWord,
} from './performance-metrics.ts';

describe('performance metrics', () => {
  it('offer the primary metrics the analysis accepts', () => {
    expect(primaryCapable).toEqual(primaryMetrics);
  });

  it("give every binary metric the analysis's good side", () => {
    for (const m of taskMetrics.binary) {
      expect(m.higherIsBetter, m.name).toBe(higherIsBetter[m.name as keyof typeof higherIsBetter]);
    }
    expect(taskMetrics.binary.map((m) => m.name).sort()).toEqual(
      Object.keys(higherIsBetter).sort(),
    );
  });

  it('read a task from a schema, an unknown one as binary', () => {
    expect(performanceTask('multiclass')).toBe('multiclass');
    expect(performanceTask('regression')).toBe('regression');
    expect(performanceTask('binary')).toBe('binary');
    expect(performanceTask(null)).toBe('binary');
  });

  it("fall back to the task's first metric for an unknown or foreign name", () => {
    expect(metricOf('binary', 'auc').label).toBe('AUC');
    expect(metricOf('binary', null).name).toBe('recall');
    expect(metricOf('multiclass', 'recall').name).toBe('accuracy');
    expect(metricOf('regression', 'accuracy').name).toBe('mae');
  });

  it('ask for the shown metric as the primary when it can be one, else recall', () => {
    expect(primaryFor('precision')).toBe('precision');
    expect(primaryFor('fpr')).toBe('fpr');
    expect(primaryFor('auc')).toBe('recall');
    expect(primaryFor('log_loss')).toBe('recall');
  });

  it('write labels inside sentences, keeping acronyms', () => {
    const inSentence = (task: 'binary' | 'regression', name: string) =>
      labelInSentence({ label: metricLabel(task, name) });
    expect(inSentence('binary', 'recall')).toBe('recall');
    expect(inSentence('binary', 'fpr')).toBe('false positive rate');
    expect(inSentence('binary', 'auc')).toBe('AUC');
    expect(inSentence('binary', 'f1')).toBe('F1');
    expect(inSentence('regression', 'mae')).toBe('MAE');
    expect(inSentence('regression', 'r2')).toBe('R²');
    expect(metricLabel('binary', 'no_such')).toBe('no_such');
  });

  it('call a worsening a drop, or a rise for metrics where lower is better', () => {
    expect(worseningWord(metricOf('binary', 'recall'))).toBe('drop');
    expect(worseningWord(metricOf('binary', 'fpr'))).toBe('rise');
    expect(worseningWord(metricOf('regression', 'mae'))).toBe('rise');
  });
});
