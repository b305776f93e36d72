import type { LoadedDataset } from '../../../shared/engine/load-dataset.ts';
import type { DatasetSchema } from '../../../shared/schema/dataset-schema.ts';
import { formatBytes } from '../../format/bytes.ts';
import { formatUtcDateTime } from '../../format/dates.ts';
import { formatDays } from '../../format/durations.ts';

/** "CSV", "CSV (gzip)", or "mixed (CSV, Parquet)" for a folder of several formats. */
export function describeFormat(loaded: Pick<LoadedDataset, 'format' | 'files'>): string {
  const gzip = loaded.files.some((f) => f.gzip) ? ' (gzip)' : '';
  if (loaded.format !== 'mixed') return `${loaded.format.toUpperCase()}${gzip}`;
  const formats = [...new Set(loaded.files.map((f) => f.format.toUpperCase()))];
  return `mixed (${formats.join(', ')})${gzip}`;
}

/** "training.csv (4.1 MB)" for one file, "12 files, 340 MB" for a folder of parts. */
export function describeFiles(files: LoadedDataset['files']): string {
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  const [only] = files;
  if (files.length === 1 && only !== undefined) return `${only.name} (${formatBytes(bytes)})`;
  return `${files.length} files, ${formatBytes(bytes)}`;
}

/** "2026-07-06 00:03 – 2026-08-30 23:58 UTC (55.9 days)", or null without a time column. */
export function describeTimeSpan(timeSpan: DatasetSchema['timeSpan']): string | null {
  if (timeSpan === null) return null;
  const { start, end } = timeSpan;
  return `${formatUtcDateTime(start)} – ${formatUtcDateTime(end)} UTC (${formatDays(end - start)})`;
}
