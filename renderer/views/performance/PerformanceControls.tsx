import { useMemo } from 'react';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { WindowSelect } from '../../app/WindowSelect.tsx';
import type { PerformanceChoices } from '../../store/performance-choices-slice.ts';
import { cohortColumnChoices } from './cohort-columns.ts';
import { metricOf, performanceTask, taskMetrics } from './performance-metrics.ts';
import type { PerformanceSides } from './performance-sides.ts';

/**
 * The choices both performance views share: one or two cohort columns, the metric, and the
 * window of the timeline (and of each cohort's `since`).
 */
export function PerformanceControls({
  sides,
  by,
  secondColumn = true,
}: {
  sides: PerformanceSides;
  /** The cohort columns asked for (the chosen ones, or the default). */
  by: readonly string[];
  /** Whether a second cohort column can be picked. */
  secondColumn?: boolean;
}) {
  const { store } = useApp();
  const choices = useAppState((s) => s.performanceChoices);
  const choose = (c: Partial<PerformanceChoices>) => store.getState().choosePerformance(c);
  const { log, reference } = sides;
  const columns = useMemo(
    () => cohortColumnChoices(log.schema, reference?.schema ?? null),
    [log, reference],
  );
  const task = performanceTask(log.schema.task);
  const metric = metricOf(task, choices.metric);
  const hasTime = log.schema.columns.some((c) => c.role === 'time');
  const [first = '', second = ''] = by;

  const columnOptions = (except: string) =>
    columns
      .filter((c) => c.name !== except)
      .map((c) => (
        <option key={c.name} value={c.name}>
          {c.name}
          {c.kind === 'numeric' ? ' (binned)' : ''}
        </option>
      ));

  return (
    <div className="performance-toolbar">
      <label>
        Cohorts by{' '}
        <select
          value={first}
          onChange={(e) =>
            choose({
              by: e.target.value === '' ? [] : [e.target.value, ...by.slice(1)],
              focus: null,
            })
          }
        >
          <option value="">(no column: overall only)</option>
          {columnOptions(second)}
        </select>
      </label>
      {secondColumn && (
        <label>
          and by{' '}
          <select
            value={second}
            disabled={first === ''}
            onChange={(e) =>
              choose({
                by: e.target.value === '' ? [first] : [first, e.target.value],
                focus: null,
              })
            }
          >
            <option value="">(none)</option>
            {columnOptions(first)}
          </select>
        </label>
      )}
      <label>
        Metric{' '}
        <select value={metric.name} onChange={(e) => choose({ metric: e.target.value })}>
          {taskMetrics[task].map((m) => (
            <option key={m.name} value={m.name}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {hasTime && (
        <WindowSelect
          label="Window"
          value={choices.window}
          onChange={(window) => choose({ window })}
        />
      )}
    </div>
  );
}
