import { describe, expect, it } from 'vitest';
import { formatPValue } from '../../../shared/text/p-value.ts';
import { metricOf } from '../performance/performance-metrics.ts';
import { performanceTable } from '../performance/performance-rows.ts';
import { counts, regionCohort, regionResult } from '../performance/test-fixtures.ts';
import { cohortLines } from './cohorts-table-model.ts';
import { cohortsSummaryLines } from './cohorts-summary.ts';

function summary(result = regionResult(), metricName = 'recall') {
  const table = performanceTable(result);
  const metric = metricOf('binary', metricName);
  return cohortsSummaryLines(cohortLines(table, metric), table, metric);
}

describe('cohortsSummaryLines', () => {
  it('names the worst cohort with its interval, baseline, q and since', () => {
    const result = regionResult();
    const q = result.cohorts[1]?.delta?.metrics.recall.q ?? null;
    const [finding, overall, facts] = summary(result);
    expect(finding).toBe(
      `Recall is worst for region = APAC: 0.250 [0.142, 0.402] vs 0.700 in the reference (q = ${formatPValue(q)}), since the week of 2026-09-21.`,
    );
    expect(overall).toMatch(
      /^Overall recall 0\.510 \[0\.414, 0\.605\] vs 0\.627 in the reference \(q = /,
    );
    expect(facts).toBe(
      '972 log rows · 972 reference rows · 4 cohorts of region · 1 significant drop · 2 too small to judge or without a baseline (shown greyed, never flagged) · since: first week from which recall stayed worse.',
    );
  });

  it('says when no cohort is significantly worse, and which dropped most', () => {
    const result = regionResult();
    result.cohorts = [
      regionCohort('EU', counts(500, 50, 35), counts(500, 50, 34)),
      regionCohort('NA', counts(500, 50, 33), counts(500, 50, 34)),
    ];
    expect(summary(result)[0]).toMatch(
      /^No cohort's recall is significantly worse than in the reference; the largest drop is region = NA: 0\.660 /,
    );
  });

  it('leaves out the since of another metric, and says an untested metric has no test', () => {
    const precision = summary(regionResult(), 'precision')[0];
    expect(precision).not.toContain('since');
    expect(summary(regionResult(), 'f1')[0]).toMatch(
      /^F1 dropped most for region = APAC: 0\.\d{3} vs 0\.\d{3} in the reference \(F1 has no significance test/,
    );
  });

  it('explains since only where onsets are dated', () => {
    const table = { ...performanceTable(regionResult()), datesOnsets: false };
    const metric = metricOf('binary', 'recall');
    const [, , facts] = cohortsSummaryLines(cohortLines(table, metric), table, metric);
    expect(facts).not.toContain('since');
  });

  it('says so when no cohort is worse at all', () => {
    const result = regionResult();
    result.cohorts = [regionCohort('EU', counts(500, 50, 40), counts(500, 50, 34))];
    expect(summary(result)[0]).toBe("No cohort's recall is worse than in the reference.");
  });

  it('asks for a cohort column when there are no cohorts', () => {
    const result = regionResult();
    result.cohorts = [];
    result.by = [];
    expect(summary(result)[0]).toBe(
      'No cohorts: pick a cohort column to compare recall across its values.',
    );
  });

  it('says what could not be computed', () => {
    const result = regionResult();
    result.skipped = { timeline: 'no time column in the log' };
    expect(summary(result).at(-1)).toBe('Not shown: no time column in the log.');
  });
});
