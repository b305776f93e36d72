import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test-support/reference.ts';
import { multiclassCases } from '../../test-support/task-reference.ts';
import { multiclassMetrics, type ConfusionCell } from './multiclass-metrics.ts';

/** Rows → the cells DuckDB would group, counted here in plain JS. */
function cellsOf(actual: readonly (string | number)[], predicted: readonly (string | number)[]) {
  const counts = new Map<string, ConfusionCell>();
  actual.forEach((a, i) => {
    const p = predicted[i] ?? '';
    const key = JSON.stringify([a, p]);
    const cell = counts.get(key) ?? { actual: a, predicted: p, count: 0 };
    cell.count++;
    counts.set(key, cell);
  });
  return [...counts.values()];
}

describe('multiclassMetrics against multiclass.json', () => {
  for (const c of multiclassCases()) {
    it(c.name, () => {
      const e = c.expected;
      const r = multiclassMetrics(cellsOf(c.inputs.y_true, c.inputs.y_pred));
      expect(r.labels).toEqual(e.labels);
      expect(r.confusion_matrix).toEqual(e.confusion_matrix.rows_true_cols_pred);
      expectClose(r.accuracy, e.accuracy, 'accuracy');
      expectClose(r.macro_f1, e.macro_f1, 'macro F1');
      expectClose(r.weighted_f1, e.weighted_f1, 'weighted F1');
      for (const label of e.labels) {
        expectClose(
          r.per_class[label]?.precision ?? null,
          e.precision[label] ?? null,
          `${label} precision`,
        );
        expectClose(r.per_class[label]?.recall ?? null, e.recall[label] ?? null, `${label} recall`);
      }
    });
  }
});

describe('multiclassMetrics by hand', () => {
  it('a label only ever predicted is a class: precision 0, recall 0 (zero_division=0)', () => {
    // True 1 1 2 2, predicted 1 2 2 3: labels 1, 2, 3 (numbers sort numerically).
    const r = multiclassMetrics(cellsOf([1, 1, 2, 2], [1, 2, 2, 3]));
    expect(r.labels).toEqual([1, 2, 3]);
    expect(r.confusion_matrix).toEqual([
      [1, 1, 0],
      [0, 1, 1],
      [0, 0, 0],
    ]);
    expect(r.accuracy).toBe(0.5);
    expect(r.per_class['3']).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    // F1: class 1 P 1, R 1/2 → 2/3; class 2 P 1/2, R 1/2 → 1/2; class 3 → 0.
    expectClose(r.macro_f1, (2 / 3 + 1 / 2) / 3, 'macro');
    expectClose(r.weighted_f1, (2 / 3) * 0.5 + 0.5 * 0.5, 'weighted');
  });

  it('no rows: nothing to measure, null rather than 0', () => {
    expect(multiclassMetrics([])).toMatchObject({ labels: [], accuracy: null, macro_f1: null });
  });
});
