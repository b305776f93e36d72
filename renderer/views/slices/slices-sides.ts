import type { DatasetSchema } from '../../../shared/schema/dataset-schema.ts';
import type { AppState } from '../../store/store.ts';
import { performanceGaps } from '../performance/performance-gaps.ts';
import {
  performanceSides,
  sideWords,
  type PerformanceSides,
} from '../performance/performance-sides.ts';

/** The log the Slices view searches, the reference it compares with, and what stops either. */
export interface SlicesSides extends PerformanceSides {
  /** What the log lacks for a search, in words; the request waits while there is any. */
  gaps: string[];
  /** Why the reference is not compared with (it lacks a role or a feature); null when it is. */
  referenceLeftOut: string | null;
}

/**
 * The feature columns a search cuts the log by: its features that are neither free text nor
 * times (the core says why it skips those).
 */
export function searchableFeatures(schema: DatasetSchema): string[] {
  return schema.columns
    .filter((c) => c.role === 'feature' && c.kind !== 'text' && c.kind !== 'datetime')
    .map((c) => c.name);
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The performance views' log and reference (performanceSides), checked for what a search needs:
 * the log must tell right from wrong (a label, and a prediction or score) and have features to
 * cut by; a reference that lacks those roles or one of the log's features is left out, saying why.
 */
export function slicesSides(datasets: AppState['datasets']): SlicesSides | null {
  const sides = performanceSides(datasets);
  if (sides === null) return null;
  const { log, reference } = sides;
  const gaps = performanceGaps({ log, reference: null });
  const features = searchableFeatures(log.schema);
  if (gaps.length === 0 && features.length === 0) {
    gaps.push(
      `${capitalised(sideWords(log, 'log'))} has no feature columns to search: set the role of the columns to cut it by to feature in the Dataset view.`,
    );
  }
  let referenceLeftOut: string | null = null;
  if (reference !== null) {
    const [roleGap] = performanceGaps({ log: reference, reference: null });
    const missing = features.filter((f) => !reference.schema.columns.some((c) => c.name === f));
    if (roleGap !== undefined) {
      referenceLeftOut = `${roleGap} The slices are not compared with it.`;
    } else if (missing.length > 0) {
      referenceLeftOut = `${capitalised(sideWords(reference, 'reference'))} has no ${missing.map((m) => `'${m}'`).join(', ')}: the slices are not compared with it.`;
    }
  }
  return { log, reference: referenceLeftOut === null ? reference : null, gaps, referenceLeftOut };
}
