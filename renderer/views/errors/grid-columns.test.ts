import { describe, expect, it } from 'vitest';
import type { ErrorsPageColumn } from '../../../shared/analyses/errors/errors-result.ts';
import { gridColumns, gridTemplate, gridWidth, hasConfidence } from './grid-columns.ts';

const fraud: ErrorsPageColumn[] = [
  { name: 'transaction_id', kind: 'text', role: 'id' },
  { name: 'event_time', kind: 'datetime', role: 'time' },
  { name: 'is_fraud', kind: 'categorical', role: 'label' },
  { name: 'predicted_fraud', kind: 'categorical', role: 'prediction' },
  { name: 'fraud_score', kind: 'numeric', role: 'score' },
  { name: 'amount', kind: 'numeric', role: 'feature' },
  { name: 'merchant_category', kind: 'categorical', role: 'feature' },
];

describe('gridColumns', () => {
  it('puts the outcome first, then id, time, score and features, without repeating label or prediction', () => {
    const columns = gridColumns('binary', fraud);
    expect(columns.map((c) => c.id)).toEqual([
      'row',
      'label',
      'predicted',
      'confidence',
      'value:transaction_id',
      'value:event_time',
      'value:fraud_score',
      'value:amount',
      'value:merchant_category',
    ]);
    expect(columns.map((c) => c.sortBy)).toEqual([
      null,
      'is_fraud',
      'predicted_fraud',
      'confidence',
      'transaction_id',
      'event_time',
      'fraud_score',
      'amount',
      'merchant_category',
    ]);
    expect(columns.find((c) => c.id === 'value:amount')?.numeric).toBe(true);
  });

  it('shows the error for regression, and no confidence without a score', () => {
    const regression = gridColumns('regression', [
      { name: 'y', kind: 'numeric', role: 'label' },
      { name: 'y_hat', kind: 'numeric', role: 'prediction' },
    ]);
    expect(regression.map((c) => c.id)).toEqual(['row', 'label', 'predicted', 'error']);
    const unscored = fraud.filter((c) => c.role !== 'score');
    expect(hasConfidence('binary', unscored)).toBe(false);
    expect(gridColumns('multiclass', unscored).map((c) => c.id)).not.toContain('confidence');
  });

  it('widens a column for a long name, and lays every row out alike', () => {
    const columns = gridColumns('binary', [
      ...fraud,
      { name: 'a_very_long_feature_name_indeed', kind: 'numeric', role: 'feature' },
    ]);
    const long = columns.at(-1);
    expect(long?.width).toBeGreaterThan(200);
    expect(gridTemplate(columns.slice(0, 2))).toBe('100px 90px');
    expect(gridWidth(columns)).toBe(columns.reduce((s, c) => s + c.width, 0));
  });
});
