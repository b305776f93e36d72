// A finding: one line of the answer to "is this model still working, for whom, since when, and
// why", built from an analysis's result (no new statistics), with the evidence one click away.
import type { Predicate } from '../sql/predicate.ts';

export type FindingKind =
  | 'performance'
  | 'cohort'
  | 'slice'
  | 'drift'
  | 'missing'
  | 'new_category'
  | 'label_shift'
  | 'calibration'
  | 'canary';

/** critical > high > medium > low; the rule for each kind is in findings.ts's doc comment. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** The view that holds a finding's evidence, and what to select there. */
export interface Evidence {
  view: 'drift' | 'cohorts' | 'timeline' | 'calibration' | 'errors' | 'slices' | 'canary';
  /** The column to select (drift, missing, new category, label shift). */
  column?: string;
  /** The cohort to make active (a cohort, a slice, a canary segment). */
  cohort?: Predicate[];
}

export interface Finding {
  /** Stable within one investigation: kind + what it is about ("drift:amount"). */
  id: string;
  kind: FindingKind;
  severity: Severity;
  /** One sentence in words, numbers included: what, for whom, since when, how big. */
  title: string;
  /** A second sentence: the evidence in numbers (test, p/q, counts). */
  detail: string;
  /** ISO date of the window from which it holds, or null. */
  since: string | null;
  /** The rows it concerns (a cohort or slice), or null for all rows. */
  who: Predicate[] | null;
  evidence: Evidence;
  /** The numbers the sentence quotes, for the report's tables and the JSON. */
  numbers: Record<string, number | string | null>;
}

/** The answer in a few words, for the top of the Findings view and the report. */
export interface FindingsSummary {
  /** failing: a critical finding; degraded: a high one; watch: medium or low only; healthy: none. */
  status: 'failing' | 'degraded' | 'watch' | 'healthy';
  /** One sentence per question: what failed, for whom, since when, how big (absent when none). */
  headline: string;
  what: string | null;
  who: string | null;
  since: string | null;
  how_big: string | null;
}
