import { loadReference } from './reference.ts';

/** A proportion of binary_classification.json with its Wilson interval and counts. */
export interface BinaryIntervalRef {
  value: number | null;
  low: number | null;
  high: number | null;
  k: number;
  n: number;
}

/** One case of ../shared/reference/binary_classification.json (the fields the tests read). */
export interface BinaryCase {
  name: string;
  inputs: { y: number[]; score: number[]; threshold: number };
  expected: {
    n: number;
    positives: number;
    confusion: { tp: number; fp: number; tn: number; fn: number };
    metrics: {
      accuracy: number;
      precision: number | null;
      recall: number | null;
      fpr: number | null;
      base_rate: number;
      predicted_positive_rate: number;
      f1: number;
      f1_undefined: boolean;
      auc: number | null;
      log_loss: number;
      brier: number;
    };
    intervals: Record<string, BinaryIntervalRef>;
    too_small: boolean;
  };
}

/** The binary classification reference cases, computed independently (sklearn). */
export const binaryCases = (): BinaryCase[] =>
  loadReference<{ cases: BinaryCase[] }>('binary_classification.json').cases;
