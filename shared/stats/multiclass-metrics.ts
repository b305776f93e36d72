// Multiclass metrics (STATS.md, the "Multiclass" paragraph after "Classification metrics"): from
// the confusion counts DuckDB groups, labels = the sorted union of true and predicted labels,
// per-class precision and recall (0 when undefined, sklearn's zero_division=0), macro and
// weighted F1, the confusion matrix with rows true and columns predicted.

/** A label value as the data holds it. */
export type ClassLabel = string | number;

/** How many rows have this true label and this predicted label. */
export interface ConfusionCell {
  actual: ClassLabel;
  predicted: ClassLabel;
  count: number;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose true label is the class. */
  support: number;
}

export interface MulticlassMetrics {
  labels: ClassLabel[];
  /** Null when there is no row. */
  accuracy: number | null;
  macro_f1: number | null;
  weighted_f1: number | null;
  /** By label, as text (JSON keys). */
  per_class: Record<string, ClassMetrics>;
  /** Rows true, columns predicted, both in `labels` order. */
  confusion_matrix: number[][];
}

/** Numbers numerically, text by code point (sklearn's np.unique order). */
export function compareLabels(a: ClassLabel, b: ClassLabel): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const ratio = (k: number, n: number): number => (n > 0 ? k / n : 0);

/** Every multiclass metric of one group of rows (Multiclass). */
export function multiclassMetrics(cells: readonly ConfusionCell[]): MulticlassMetrics {
  const labels = [...new Set(cells.flatMap((c) => [c.actual, c.predicted]))].sort(compareLabels);
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const c of cells) {
    const row = matrix[index.get(c.actual) ?? -1];
    const col = index.get(c.predicted) ?? -1;
    if (row && col >= 0) row[col] = (row[col] ?? 0) + c.count;
  }
  const total = cells.reduce((s, c) => s + c.count, 0);
  const perClass: Record<string, ClassMetrics> = {};
  let correct = 0;
  let macro = 0;
  let weighted = 0;
  labels.forEach((label, i) => {
    const tp = matrix[i]?.[i] ?? 0;
    const support = (matrix[i] ?? []).reduce((s, x) => s + x, 0);
    const predicted = matrix.reduce((s, row) => s + (row[i] ?? 0), 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[String(label)] = { precision, recall, f1, support };
    correct += tp;
    macro += f1;
    weighted += f1 * support;
  });
  return {
    labels,
    accuracy: total > 0 ? correct / total : null,
    macro_f1: labels.length > 0 && total > 0 ? macro / labels.length : null,
    weighted_f1: total > 0 ? weighted / total : null,
    per_class: perClass,
    confusion_matrix: matrix,
  };
}
