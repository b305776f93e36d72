import { useMemo, useState } from 'react';
import type { TestedMetric } from '../../../shared/analyses/canary/canary-result.ts';
import { AnalysisPending } from '../../app/AnalysisPending.tsx';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { resultCohort } from '../../app/result-cohort.ts';
import { describePredicates } from '../../format/predicates.ts';
import { formatNumber } from '../../format/numbers.ts';
import { CanaryChecksTable } from './CanaryChecksTable.tsx';
import { CanaryControls } from './CanaryControls.tsx';
import { canaryOpenWords, comparedWords } from './canary-sides.ts';
import {
  checkGroups,
  defaultCheckSort,
  sortCheckGroups,
  type CheckGroup,
  type CheckLine,
} from './canary-table-model.ts';
import { CanaryTimeline } from './CanaryTimeline.tsx';
import { metricWords } from '../../../shared/analyses/canary/canary-words.ts';
import { skippedWords, toleranceText } from './canary-words.ts';
import { ForestChart } from './charts/ForestChart.tsx';
import { forestMetrics, isTestedMetric } from './charts/forest-figure.ts';
import { LatencyChart } from './charts/LatencyChart.tsx';
import { ScoreChart } from './charts/ScoreChart.tsx';
import { pickSegment } from './pick-segment.ts';
import { useCanary } from './use-canary.ts';
import { VerdictBanner } from './VerdictBanner.tsx';
import '../performance/performance.css';
import './canary.css';

/**
 * The Canary view: is the new model version safe to roll out? The verdict with its score and the
 * failing checks in words; the checks per segment in a table; one metric's change per segment as
 * a forest plot against its tolerance; the two latency distributions; the checks per time window.
 * A segment's Filter makes it the active cohort, and the comparison stays.
 */
export function CanaryView() {
  const { store } = useApp();
  const state = useCanary();
  const cohort = useAppState((s) => s.cohort);
  const chosen = useAppState((s) => s.canaryChoices);
  const [sort, setSort] = useState(defaultCheckSort);
  const [selected, setSelected] = useState<string | null>(null);
  const [metricChoice, setMetricChoice] = useState<TestedMetric | null>(null);
  const { sides, result, request } = state;
  const where = useMemo(() => request?.where ?? [], [request]);
  const groups = useMemo(
    () => (result ? checkGroups(result, where, cohort) : []),
    [result, where, cohort],
  );
  const sorted = useMemo(() => sortCheckGroups(groups, sort), [groups, sort]);
  const metrics = useMemo(() => (result ? forestMetrics(result.checks) : []), [result]);

  if (sides === null) {
    return (
      <div className="performance-view">
        <p className="muted">{canaryOpenWords}</p>
      </div>
    );
  }

  const metric =
    metricChoice !== null && metrics.includes(metricChoice) ? metricChoice : (metrics[0] ?? null);
  const select = (line: CheckLine) => {
    setSelected(line.key);
    const picked = line.check.metric;
    if (isTestedMetric(picked)) setMetricChoice(picked);
  };
  const filter = (group: CheckGroup) => {
    if (group.cohort !== null) pickSegment(store, where, group.cohort);
  };
  const active = groups.find((g) => g.active);
  const skipped = result ? skippedWords(result.skipped) : null;
  const metricCheck = groups[0]?.lines.find((l) => l.check.metric === metric)?.check;

  return (
    <div
      className="performance-view canary-view"
      data-result-cohort={resultCohort(where, result !== undefined)}
    >
      <CanaryControls sides={sides} />
      {where.length > 0 && (
        <p className="cohort-note">
          Comparing within <strong>{describePredicates(where)}</strong>, on both sides.
        </p>
      )}
      {result === undefined ? (
        <AnalysisPending
          what="canary"
          work="comparison"
          className="performance-pending"
          ended={state.ended}
          onRetry={state.retry}
        />
      ) : (
        <>
          <VerdictBanner result={result} compared={comparedWords(sides, chosen)} />
          {skipped !== null && <p className="muted">{skipped}</p>}
          <section className="canary-checks-panel" aria-label="Checks by segment">
            <p className="muted hint">
              Click a check to show its metric in the forest plot below; a segment&apos;s Filter
              makes it the active cohort, and every view then shows it.
              {active !== undefined && ` Now: ${active.segment.name}.`}
            </p>
            <div className="canary-checks-scroll">
              <CanaryChecksTable
                groups={sorted}
                sort={sort}
                onSort={setSort}
                selected={selected}
                onSelect={select}
                onFilter={filter}
              />
            </div>
          </section>
          <div className="canary-charts">
            {metric !== null && (
              <figure className="performance-chart canary-forest">
                <figcaption>
                  <label>
                    Forest plot of{' '}
                    <select
                      value={metric}
                      onChange={(e) => setMetricChoice(e.target.value as TestedMetric)}
                    >
                      {metrics.map((m) => (
                        <option key={m} value={m}>
                          {metricWords[m]}
                        </option>
                      ))}
                    </select>
                  </label>{' '}
                  {metric === 'auc'
                    ? 'The change in AUC per segment'
                    : `The relative change in ${metricWords[metric]} per segment`}
                  , canary against baseline, with 95% intervals where defined. The red dashed line
                  is the tolerance
                  {metricCheck === undefined ? '' : ` (${toleranceText(metricCheck)})`}: a change in
                  the shaded side fails when significant (q &lt; 0.05). Diamonds are critical
                  checks; a triangle is a change beyond the axis&apos;s end (hover for its value).
                </figcaption>
                <ForestChart
                  groups={groups}
                  metric={metric}
                  selected={selected}
                  onSelect={select}
                />
              </figure>
            )}
            <figure className="performance-chart canary-latency">
              <figcaption>
                Latency, baseline against canary: each side&apos;s share of its rows, with its p50,
                p95 and p99 (baseline dotted, canary dashed).
              </figcaption>
              {result.latency === null ? (
                <p className="muted">No latency column: latency is not compared.</p>
              ) : (
                <LatencyChart
                  latency={result.latency}
                  ceilingMs={result.guardrails.ceilings.latency_p99_ms_max}
                />
              )}
            </figure>
            {result.beside.score_histogram !== null && (
              <figure className="performance-chart canary-scores">
                <figcaption>
                  Scores, baseline against canary (beside the checks, not scored): each side&apos;s
                  share of its rows per tenth of the score range; PSI{' '}
                  {result.beside.score_psi === null ? '–' : formatNumber(result.beside.score_psi)}.
                </figcaption>
                <ScoreChart histogram={result.beside.score_histogram} />
              </figure>
            )}
          </div>
          <section className="performance-chart canary-over-time" aria-label="Checks over time">
            <h2>Over time</h2>
            {result.timeline === undefined ? (
              <p className="muted">No time column: the checks are not made per window.</p>
            ) : (
              <>
                <p className="muted">
                  Each {result.timeline.unit} of {result.timeline.column} judged on its own: the
                  checks that failed anywhere and the critical ones, so a steady failure reads apart
                  from a burst (&quot;small&quot;: too few rows to judge).
                </p>
                <div className="canary-timeline-scroll">
                  <CanaryTimeline result={result} />
                </div>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
