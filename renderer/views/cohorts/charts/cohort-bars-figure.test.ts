import { describe, expect, it } from 'vitest';
import { chartColors } from '../../../charts/chart-colors.ts';
import { metricOf } from '../../performance/performance-metrics.ts';
import { performanceTable } from '../../performance/performance-rows.ts';
import { regionResult } from '../../performance/test-fixtures.ts';
import { cohortLines } from '../cohorts-table-model.ts';
import { cohortBarsFigure, unjudgedOpacity } from './cohort-bars-figure.ts';

const table = performanceTable(regionResult());
const recall = metricOf('binary', 'recall');
const lines = cohortLines(table, recall);

describe('cohortBarsFigure', () => {
  it('draws the metric per cohort with asymmetric Wilson whiskers', () => {
    const figure = cohortBarsFigure(lines, recall, 0.51, 'region');
    const [bars] = figure.data;
    expect(bars).toMatchObject({
      type: 'bar',
      x: ['APAC', 'EU', 'Mars', 'Tiny'],
      customdata: [0, 1, 2, 3],
    });
    const apac = lines[0]?.interval;
    const errorY = (
      bars as { error_y: { array: number[]; arrayminus: number[]; symmetric: boolean } }
    ).error_y;
    expect(errorY.symmetric).toBe(false);
    expect(errorY.array[0]).toBeCloseTo((apac?.high ?? 0) - 0.25, 12);
    expect(errorY.arrayminus[0]).toBeCloseTo(0.25 - (apac?.low ?? 0), 12);
  });

  it('colours significant drops and fades cohorts that cannot be judged', () => {
    const [bars] = cohortBarsFigure(lines, recall, 0.51, 'region').data;
    const marker = (bars as { marker: { color: string[]; opacity: number[] } }).marker;
    expect(marker.color).toEqual([
      chartColors.highlight,
      chartColors.current,
      chartColors.current,
      chartColors.current,
    ]);
    expect(marker.opacity).toEqual([1, 1, unjudgedOpacity, unjudgedOpacity]);
  });

  it("ticks each cohort's baseline and draws the overall value as a dashed line", () => {
    const figure = cohortBarsFigure(lines, recall, 0.51, 'region');
    expect(figure.data[1]).toMatchObject({
      type: 'scatter',
      mode: 'markers',
      name: 'same cohort in the reference',
    });
    expect((figure.data[1] as { y: (number | null)[] }).y[0]).toBeCloseTo(0.7, 12);
    expect((figure.data[1] as { y: (number | null)[] }).y[2]).toBeNull();
    expect(figure.layout.shapes?.[0]).toMatchObject({ y0: 0.51, y1: 0.51, line: { dash: 'dash' } });
    expect(figure.layout.annotations?.[0]?.text).toBe('overall 0.510');
  });

  it('draws no whiskers for metrics without an interval', () => {
    const f1 = metricOf('binary', 'f1');
    const [bars] = cohortBarsFigure(cohortLines(table, f1), f1, null, 'region').data;
    expect(bars).not.toHaveProperty('error_y');
  });

  it('says the drops and what cannot be judged', () => {
    expect(cohortBarsFigure(lines, recall, 0.51, 'region').description).toBe(
      'Recall per cohort of region, with 95% intervals; overall 0.510. Significantly worse than the baseline: region = APAC (0.250 [0.142, 0.402] vs 0.700). 2 of 4 cohorts cannot be judged (faded).',
    );
  });
});
