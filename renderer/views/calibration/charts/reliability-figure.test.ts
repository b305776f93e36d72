import { describe, expect, it } from 'vitest';
import { chartColors } from '../../../charts/chart-colors.ts';
import { calibrationCohortLines } from '../calibration-table-model.ts';
import { fraudCalibration } from '../test-fixtures.ts';
import {
  cohortTraceName,
  labelledPoints,
  markerSize,
  negativesColor,
  reliabilityFigure,
} from './reliability-figure.ts';

type Trace = Record<string, unknown> & { name?: string };
const traces = (data: unknown[]) => data as Trace[];
const named = (data: unknown[], name: string) => {
  const trace = traces(data).find((t) => t.name === name);
  if (trace === undefined) throw new Error(`no trace ${name}`);
  return trace;
};

describe('reliabilityFigure', () => {
  const result = fraudCalibration();
  const cohorts = calibrationCohortLines(result);

  it('draws the diagonal, the reference dashed, then the log with asymmetric Wilson whiskers', () => {
    const { data } = reliabilityFigure(result, []);
    expect(traces(data).map((t) => t.name)).toEqual([
      'perfect calibration',
      'the reference',
      'the log',
      'the log',
      'interval leaves out the score',
      'positives',
      'negatives',
    ]);
    // The curve itself stays out of the legend; a blue entry of its group stands for it.
    const [, , curve, entry] = traces(data);
    expect(curve).toMatchObject({ legendgroup: 'log', showlegend: false });
    expect(entry).toMatchObject({ legendgroup: 'log', marker: { color: chartColors.current } });
    expect(named(data, 'perfect calibration')).toMatchObject({ x: [0, 1], y: [0, 1] });
    expect(named(data, 'the reference')).toMatchObject({
      line: { dash: 'dash', color: chartColors.reference },
    });
    const log = named(data, 'the log') as {
      x: number[];
      y: number[];
      error_y: { symmetric: boolean; array: number[]; arrayminus: number[] };
    };
    // Bin (0.7, 0.8]: 24 of 60 at a mean score of 0.75.
    const bin = result.bins[3];
    expect(log.x[3]).toBe(0.75);
    expect(log.y[3]).toBe(0.4);
    expect(log.error_y.symmetric).toBe(false);
    expect(log.error_y.array[3]).toBeCloseTo((bin?.high ?? 0) - 0.4, 12);
    expect(log.error_y.arrayminus[3]).toBeCloseTo(0.4 - (bin?.low ?? 0), 12);
  });

  it('sizes and labels points by their rows, red where the interval leaves out the score', () => {
    const log = named(reliabilityFigure(result, []).data, 'the log') as {
      text: string[];
      textposition: string[];
      marker: { size: number[]; color: string[] };
      hovertext: string[];
    };
    expect(log.marker.size[0]).toBe(20);
    expect(log.marker.size[1]).toBeLessThan(log.marker.size[5] ?? 0);
    expect(log.text).toEqual(['2K', '10', '40', '60', '50', '300']);
    expect(log.textposition).toEqual([
      'middle right',
      'middle right',
      'middle right',
      'middle right',
      'middle right',
      'middle left',
    ]);
    expect(log.marker.color).toEqual([
      chartColors.highlight,
      chartColors.current,
      chartColors.highlight,
      chartColors.highlight,
      chartColors.highlight,
      chartColors.highlight,
    ]);
    expect(log.hovertext[3]).toBe(
      'the log · bin (0.7, 0.8]<br>60 rows, 24 positive<br>mean score 0.750<br>observed fraud rate 0.400 [0.286, 0.526]<br>over-confident: observed below the score beyond its 95% interval',
    );
  });

  it('overlays one line per cohort, too small ones hidden and marked, each point naming its cohort', () => {
    const { data, cohorts: shown } = reliabilityFigure(result, cohorts);
    const apac = named(data, 'APAC (ECE 0.072)');
    expect(apac).toMatchObject({
      visible: true,
      customdata: [0, 0, 0],
      legendgroup: 'cohort-0',
      legendgrouptitle: { text: 'by region (click: hide, show)' },
    });
    expect(named(data, 'EU (ECE 0.010)')).toMatchObject({ legendgroup: 'cohort-1' });
    expect(named(data, 'EU (ECE 0.010)')).not.toHaveProperty('legendgrouptitle');
    expect(named(data, 'Tiny (too small)')).toMatchObject({ visible: 'legendonly' });
    expect(shown.map((c) => c.rank)).toEqual([0, 1, 2]);
    const [first] = cohorts;
    if (first === undefined) throw new Error('no cohorts');
    expect(cohortTraceName({ ...first, cohort: { ...first.cohort, n: 0 } })).toBe('APAC (no rows)');
  });

  it('stacks the histogram on the shared score axis, on a log axis when one bar dwarfs the rest', () => {
    const { data, layout } = reliabilityFigure(result, []);
    const positives = named(data, 'positives') as { x: number[]; y: number[]; xaxis: string };
    const negatives = named(data, 'negatives') as { y: number[]; marker: { color: string } };
    expect(positives.x).toHaveLength(20);
    expect(positives.x[0]).toBeCloseTo(0.025, 12);
    expect(positives.xaxis).toBe('x2');
    expect(positives.y[0]).toBe(46);
    expect(negatives.y[0]).toBe(2000 - 46);
    expect(negatives.marker.color).toBe(negativesColor);
    expect(layout.barmode).toBe('stack');
    expect(layout.xaxis2).toMatchObject({ matches: 'x', anchor: 'y2' });
    expect(layout.xaxis?.range).toEqual(layout.xaxis2?.range);
    expect(layout.yaxis2).toMatchObject({ type: 'log' });
    expect(layout.yaxis?.title).toEqual({ text: 'observed fraud rate' });
  });

  it('keeps a linear histogram axis when the bars are of a size', () => {
    const even = fraudCalibration(false);
    even.histogram = even.histogram.map((b) => ({ ...b, positives: 5, negatives: 20 }));
    expect(reliabilityFigure(even, []).layout.yaxis2).toMatchObject({ rangemode: 'tozero' });
  });

  it('says what it shows', () => {
    expect(reliabilityFigure(result, cohorts).description).toBe(
      "Reliability diagram of fraud_score: the observed fraud rate per bin against its mean score, with 95% Wilson intervals, over 6 non-empty bins; the dotted diagonal is perfect calibration. Red points: the interval lies below the score (over-confident) in 4 bins, above it (under-confident) in 1 bin. The reference's curve is dashed (ECE 0.00045). One line per cohort: APAC (ECE 0.072), EU (ECE 0.010), Tiny (too small); those too small to judge start hidden. Below, the histogram of the scores in 20 bars, positives and negatives stacked, on a log axis.",
    );
  });
});

describe('point sizes and labels', () => {
  it('sizes by rows on a log scale, from 7 px for one row to 20 for the largest bin', () => {
    expect(markerSize(1, 25000)).toBe(7);
    expect(markerSize(25000, 25000)).toBe(20);
    expect(markerSize(158, 25000)).toBe(13.5);
    expect(markerSize(3, 1)).toBe(7);
  });

  it('labels points from the left, skipping those crowding the last label', () => {
    expect(labelledPoints([0.001, 0.002, 0.03, 0.07, 0.5, 0.52, 0.99])).toEqual([
      true,
      false,
      false,
      true,
      true,
      false,
      true,
    ]);
  });
});
