import { loadReference } from './reference.ts';

/** One multiclass case of ../shared/reference/multiclass.json (sklearn's values). */
export interface MulticlassCase {
  name: string;
  inputs: { y_true: string[]; y_pred: string[] };
  expected: {
    labels: string[];
    accuracy: number;
    macro_f1: number;
    weighted_f1: number;
    precision: Record<string, number>;
    recall: Record<string, number>;
    confusion_matrix: { rows_true_cols_pred: number[][] };
  };
}

/** One regression case of ../shared/reference/regression.json (sklearn's values). */
export interface RegressionCase {
  name: string;
  inputs: { y_true: number[]; y_pred: number[] };
  expected: { mae: number; rmse: number; mean_error: number; r2: number };
}

export const multiclassCases = (): MulticlassCase[] =>
  loadReference<{ cases: MulticlassCase[] }>('multiclass.json').cases;

export const regressionCases = (): RegressionCase[] =>
  loadReference<{ cases: RegressionCase[] }>('regression.json').cases;
