import { describe, expect, it } from 'vitest';
import type { LoadedFile } from '../../../shared/engine/load-dataset.ts';
import { describeFiles, describeFormat, describeTimeSpan } from './dataset-facts.ts';

const file = (name: string, format: LoadedFile['format'], bytes: number, gzip = false) => ({
  name,
  format,
  gzip,
  bytes,
  rows: 10,
});

describe('describeFormat', () => {
  it('names the format, gzip, and the formats of a mixed folder', () => {
    expect(describeFormat({ format: 'csv', files: [file('a.csv', 'csv', 1)] })).toBe('CSV');
    expect(describeFormat({ format: 'jsonl', files: [file('a.jsonl.gz', 'jsonl', 1, true)] })).toBe(
      'JSONL (gzip)',
    );
    expect(
      describeFormat({
        format: 'mixed',
        files: [file('a.csv', 'csv', 1), file('b.parquet', 'parquet', 1), file('c.csv', 'csv', 1)],
      }),
    ).toBe('mixed (CSV, PARQUET)');
  });
});

describe('describeFiles', () => {
  it('names a single file with its size, and counts the parts of a folder', () => {
    expect(describeFiles([file('training.csv', 'csv', 4_123_456)])).toBe('training.csv (4.12 MB)');
    expect(
      describeFiles([
        file('p1.parquet', 'parquet', 600_000),
        file('p2.parquet', 'parquet', 900_000),
      ]),
    ).toBe('2 files, 1.5 MB');
  });
});

describe('describeTimeSpan', () => {
  it('gives both ends in UTC and the length in days', () => {
    const start = Date.UTC(2026, 6, 6, 0, 3, 9);
    const end = Date.UTC(2026, 7, 30, 23, 58);
    expect(describeTimeSpan({ start, end })).toBe(
      '2026-07-06 00:03 – 2026-08-30 23:58 UTC (56 days)',
    );
    expect(describeTimeSpan(null)).toBeNull();
  });
});
