// ../shared/reference/sliceline.json (Python's exhaustive `sliceline_exhaustive`) and its data,
// read once for the tests that check the oracle and runSlices against it.
import { readFileSync } from 'node:fs';
import { loadReference, referenceDir } from './reference.ts';

export interface SlicelineSlice {
  predicates: { column: string; op: '='; value: string | null }[];
  text: string;
  level: number;
  size: number;
  error_sum: number;
  error: number;
  score: number;
}

export interface SlicelineRun {
  params: { alpha: number; k: number; max_level: number; min_support: number | null };
  info?: {
    n: number;
    mean_error: number;
    min_support: number;
    candidates_evaluated: number;
    qualifying: number;
  };
  expected: SlicelineSlice[];
}

export interface SlicelineCase {
  name: string;
  inputs: { file: string; columns: string[]; amount_edges: number[]; error_column: string };
  runs: SlicelineRun[];
}

const reference = loadReference<{ tolerance: { rel: number }; cases: SlicelineCase[] }>(
  'sliceline.json',
);

/** The file's tolerance (relative) and its one case. */
export const slicelineTolerance = reference.tolerance.rel;
export const slicelineCase = reference.cases[0] as SlicelineCase;

/** sliceline_data.csv as records: plain fields (no quotes, no commas); an empty field is null. */
export function readSlicelineData(): Record<string, string | null>[] {
  const lines = readFileSync(referenceDir + slicelineCase.inputs.file, 'utf8')
    .trim()
    .split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const fields = line.split(',');
    return Object.fromEntries(
      header.map((h, i) => [h, fields[i] === '' ? null : (fields[i] ?? null)]),
    );
  });
}
