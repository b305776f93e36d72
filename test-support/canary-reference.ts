import { readFileSync } from 'node:fs';
import { loadReference, referenceDir } from './reference.ts';

/** The 2×2 correct/incorrect table of a paired (shadow) comparison. */
export interface McNemarTable {
  both_correct: number;
  baseline_only_correct: number;
  canary_only_correct: number;
  both_wrong: number;
}

/** One check of ../shared/reference/canary_verdict.json (the fields the stats tests read). */
export interface CanaryCheck {
  segment: string;
  metric: string;
  test: string | null;
  too_small: boolean;
  baseline: number | null;
  canary: number | null;
  delta: number | null;
  degradation?: number | null;
  statistic: number | null;
  p: number | null;
  q: number | null;
  counts?: { baseline: number[]; canary: number[] };
  se?: { baseline: number; canary: number };
  mcnemar_table?: McNemarTable;
  wilcoxon?: { n: number; zero_differences: number; r_plus: number; r_minus: number; z: number };
}

export interface CanaryReference {
  cases: { name: string; inputs: { file: string }; expected: { checks: CanaryCheck[] } }[];
}

/** The canary comparisons, whose checks hold independently computed test statistics. */
export const loadCanaryReference = () => loadReference<CanaryReference>('canary_verdict.json');

/** Rows of a reference canary CSV (plain: no quoting, no empty cells). */
export function readCanaryCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(referenceDir + file, 'utf8')
    .trim()
    .split('\n');
  const names = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** Whether a CSV row belongs to a check's segment (`all` or `column = value`). */
export function inSegment(row: Record<string, string>, segment: string): boolean {
  if (segment === 'all') return true;
  const [column, value] = segment.split(' = ');
  return column !== undefined && row[column] === value;
}
