import type { PrimaryMetric } from '../../../shared/analyses/performance/performance-spec.ts';
import type { Task } from '../../../shared/schema/task.ts';

/** The tasks the performance analysis has metrics for; a log of unknown task is read as binary. */
export type PerformanceTask = 'binary' | 'multiclass' | 'regression';

/** A metric the views can show, and how to read it. */
export interface MetricInfo {
  /** Its key in the result's `metrics` (CLI.md). */
  name: string;
  /** As a sentence starts with it: "Recall", "False positive rate". */
  label: string;
  /** Whether a larger value is better; null for rates with no good direction (base rate). */
  higherIsBetter: boolean | null;
  /** A proportion: its Wilson interval is in `metrics.intervals`. */
  proportion: boolean;
  /** Its change against the baseline is tested (p, and q within the cohort table). */
  tested: boolean;
}

const metric = (
  name: string,
  label: string,
  higherIsBetter: boolean | null,
  proportion: boolean,
  tested = proportion,
): MetricInfo => ({ name, label, higherIsBetter, proportion, tested });

/** Each task's metrics in the order the pickers offer them; the first is the default. */
export const taskMetrics: Record<PerformanceTask, readonly MetricInfo[]> = {
  binary: [
    metric('recall', 'Recall', true, true),
    metric('precision', 'Precision', true, true),
    metric('accuracy', 'Accuracy', true, true),
    metric('fpr', 'False positive rate', false, true),
    metric('f1', 'F1', true, false),
    metric('auc', 'AUC', true, false, true),
    metric('log_loss', 'Log loss', false, false),
    metric('brier', 'Brier score', false, false),
    metric('base_rate', 'Base rate', null, true),
    metric('predicted_positive_rate', 'Predicted positive rate', null, true),
  ],
  multiclass: [
    metric('accuracy', 'Accuracy', true, true),
    metric('macro_f1', 'Macro F1', true, false),
    metric('weighted_f1', 'Weighted F1', true, false),
  ],
  regression: [
    metric('mae', 'MAE', false, false),
    metric('rmse', 'RMSE', false, false),
    metric('mean_error', 'Bias (mean error)', null, false),
    metric('r2', 'R²', true, false),
  ],
};

/**
 * The binary metrics the analysis can find an onset for and rank cohorts by (the spec's
 * `primaryMetrics`; performance-metrics.test.ts checks they agree).
 */
export const primaryCapable: readonly PrimaryMetric[] = ['recall', 'precision', 'accuracy', 'fpr'];

/** The task a log's schema calls for, as the worker decides it. */
export function performanceTask(task: Task | null): PerformanceTask {
  return task === 'multiclass' || task === 'regression' ? task : 'binary';
}

/** The metric named `name` of a task, or the task's default when it has none by that name. */
export function metricOf(task: PerformanceTask, name: string | null): MetricInfo {
  const metrics = taskMetrics[task];
  const found = metrics.find((m) => m.name === name) ?? metrics[0];
  if (found === undefined) throw new RangeError(`no metrics for ${task}`);
  return found;
}

/** The binary primary metric for a shown metric: itself when it can be one, else recall. */
export function primaryFor(name: string): PrimaryMetric {
  return primaryCapable.find((m) => m === name) ?? 'recall';
}

/** A metric's label for a result's `primary_metric` ("Recall"); the name itself if unknown. */
export function metricLabel(task: PerformanceTask, name: string): string {
  return taskMetrics[task].find((m) => m.name === name)?.label ?? name;
}

/** A metric's label inside a sentence: "recall", "false positive rate", but "AUC", "F1", "MAE". */
export function labelInSentence(metric: Pick<MetricInfo, 'label'>): string {
  const { label } = metric;
  return /^[A-Z][a-z]/.test(label) ? `${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
}

/** What a significant worsening of the metric is called: a drop, or for FPR-like metrics a rise. */
export function worseningWord(metric: Pick<MetricInfo, 'higherIsBetter'>): 'drop' | 'rise' {
  return metric.higherIsBetter === false ? 'rise' : 'drop';
}
