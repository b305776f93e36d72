import { describe, expect, it } from 'vitest';
import { applyDeltaSignificance } from '../../../../shared/analyses/performance/performance-delta.ts';
import type { PerformanceByInfo } from '../../../../shared/analyses/performance/performance-result.ts';
import { chartColors } from '../../../charts/chart-colors.ts';
import { metricOf } from '../../performance/performance-metrics.ts';
import { performanceTable } from '../../performance/performance-rows.ts';
import { counts, regionCohort, regionResult } from '../../performance/test-fixtures.ts';
import { cohortLines } from '../cohorts-table-model.ts';
import { axisValues, cohortHeatmapFigure } from './cohort-heatmap-figure.ts';

const by: [PerformanceByInfo, PerformanceByInfo] = [
  { name: 'region', mode: 'value', edges: null },
  { name: 'device', mode: 'value', edges: null },
];

/** Region × device: APAC × android collapses, APAC × web is too small, EU × web absent. */
function gridTable() {
  const result = regionResult();
  const cell = (
    region: string,
    device: string,
    log = counts(200, 20, 14),
    ref = counts(200, 20, 14),
  ) => {
    const c = regionCohort(region, log, ref);
    return {
      ...c,
      cohort: { region, device },
      predicates: [
        { column: 'region', op: '=' as const, value: region },
        { column: 'device', op: '=' as const, value: device },
      ],
    };
  };
  result.by = by;
  result.cohorts = [
    cell('APAC', 'android', counts(300, 30, 6), counts(300, 30, 21)),
    cell('APAC', 'web', counts(10, 2, 1), counts(10, 2, 2)),
    cell('EU', 'android'),
  ];
  applyDeltaSignificance(result.cohorts.map((c) => c.delta));
  return performanceTable(result);
}

const recall = metricOf('binary', 'recall');

describe('axisValues', () => {
  it('orders numeric bins by their start, values by number or name, missing last', () => {
    expect(axisValues(['(40, +inf]', null, '(-inf, 12]', '(12, 40]'], 'quantile')).toEqual([
      '(-inf, 12]',
      '(12, 40]',
      '(40, +inf]',
      '(missing)',
    ]);
    expect(axisValues([10, 2, null, 2], 'value')).toEqual(['2', '10', '(missing)']);
    expect(axisValues(['NA', 'APAC', 'EU'], 'value')).toEqual(['APAC', 'EU', 'NA']);
  });
});

describe('cohortHeatmapFigure', () => {
  const table = gridTable();
  const lines = cohortLines(table, recall);
  const figure = cohortHeatmapFigure(lines, by, recall, 0.7);
  const [trace] = figure.data;

  it('puts the first column down and the second across, a cell per cohort', () => {
    expect(trace).toMatchObject({ type: 'heatmap', y: ['APAC', 'EU'], x: ['android', 'web'] });
    expect(trace?.z).toEqual([
      [0.2, null],
      [0.7, null],
    ]);
    expect(figure.cells.map((row) => row.map((l) => l?.words ?? null))).toEqual([
      ['region = APAC and device = android', 'region = APAC and device = web'],
      ['region = EU and device = android', null],
    ]);
  });

  it('leaves cells that cannot be judged blank and says why', () => {
    expect(trace?.text).toEqual([
      ['0.200', 'too small'],
      ['0.700', ''],
    ]);
  });

  it('names each cell by its rank for clicks, -1 where there is no cohort', () => {
    const rank = (words: string) => lines.find((l) => l.words === words)?.rank;
    expect(trace?.customdata).toEqual([
      [rank('region = APAC and device = android'), rank('region = APAC and device = web')],
      [rank('region = EU and device = android'), -1],
    ]);
  });

  it('diverges around the baseline, worse in red, and outlines significant drops', () => {
    expect(trace?.zmid).toBe(0.7);
    expect(trace?.colorscale).toEqual([
      [0, chartColors.highlight],
      [0.5, '#f6f7f9'],
      [1, chartColors.current],
    ]);
    expect(figure.layout.shapes).toEqual([
      expect.objectContaining({ type: 'rect', x0: -0.5, x1: 0.5, y0: -0.5, y1: 0.5 }),
    ]);
    const fpr = metricOf('binary', 'fpr');
    expect(cohortHeatmapFigure(lines, by, fpr, 0.1).data[0]?.colorscale).toEqual([
      [0, chartColors.current],
      [0.5, '#f6f7f9'],
      [1, chartColors.highlight],
    ]);
  });

  it('says the drops in words', () => {
    expect(figure.description).toBe(
      'Recall per cohort of region × device. Significantly worse (outlined): region = APAC and device = android, 0.200 [0.095, 0.373]. 1 cell cannot be judged (left blank).',
    );
  });
});
