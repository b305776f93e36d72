import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plantedFailure, realizedCounts, samplePath } from '../test-support/samples.ts';
import { cliRun } from '../test-support/run-cli.ts';

const reference = samplePath('data/training.parquet');
const log = samplePath('data/production.parquet');
/** The samples' production log by region × device, weekly, against training. */
const byRegionAndDevice = [
  'performance',
  '--log',
  log,
  '--reference',
  reference,
  '--by',
  'region,device',
  '--window',
  'week',
];
const collapse = plantedFailure('cohort_collapse');
const planted = Object.fromEntries((collapse.cohort ?? []).map((p) => [p.column, p.value]));

const cli = cliRun;

interface Interval {
  value: number | null;
  low: number | null;
  high: number | null;
}
interface Metrics {
  [name: string]: unknown;
  recall: number | null;
  base_rate: number | null;
  intervals: Record<string, Interval>;
}
interface Delta {
  metrics: Record<string, { baseline: number | null; delta: number | null; q: number | null }>;
}
interface Cohort {
  cohort: Record<string, unknown>;
  n: number;
  metrics: Metrics;
  delta?: Delta | null;
  too_small: boolean;
  since?: { metric: string; window: string } | null;
}
interface Result {
  overall: { n: number; metrics: Metrics; delta?: Delta };
  cohorts: Cohort[];
  timeline?: { window: string; n: number; metrics: Metrics }[];
  since?: { metric: string; window: string } | null;
}

const METRICS = [
  'accuracy',
  'precision',
  'recall',
  'fpr',
  'f1',
  'auc',
  'log_loss',
  'brier',
  'base_rate',
  'predicted_positive_rate',
];
const PROPORTIONS = [
  'accuracy',
  'precision',
  'recall',
  'fpr',
  'base_rate',
  'predicted_positive_rate',
];

describe('faultline performance on the bundled samples', () => {
  let json: { code: number; stdout: string; stderr: string };
  let result: Result;
  beforeAll(async () => {
    json = await cli(...byRegionAndDevice, '--json');
    result = JSON.parse(json.stdout) as Result;
  });

  it("prints one JSON object with CLI.md's keys, exit 0", () => {
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['overall', 'cohorts', 'timeline', 'since']),
    );
    expect(result.overall.n).toBe(realizedCounts('production').rows);
    for (const group of [result.overall, ...result.cohorts, ...(result.timeline ?? [])]) {
      expect(Object.keys(group.metrics)).toEqual(expect.arrayContaining([...METRICS, 'intervals']));
      for (const p of PROPORTIONS) {
        expect(Object.keys(group.metrics.intervals[p] ?? {})).toEqual(
          expect.arrayContaining(['value', 'low', 'high']),
        );
        expect(group.metrics.intervals[p]?.value).toBe(group.metrics[p]);
      }
    }
    for (const c of result.cohorts) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['cohort', 'n', 'metrics', 'delta', 'too_small']),
      );
      expect(Object.keys(c.cohort)).toEqual(['region', 'device']);
    }
    expect(json.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('puts APAC / android first, its recall significantly down since the planted week', () => {
    const [worst] = result.cohorts;
    expect(worst?.cohort).toEqual(planted);
    expect(worst?.delta?.metrics.recall?.delta).toBeLessThan(-0.3);
    expect(worst?.delta?.metrics.recall?.q).toBeLessThan(0.05);
    expect(worst?.since).toEqual({ metric: 'recall', window: collapse.since });
  });

  it('shows the label shift: the base rate up against the reference', () => {
    const base = result.overall.delta?.metrics.base_rate;
    expect(base?.delta).toBeGreaterThan(0);
    expect(base?.q).toBeLessThan(0.05);
    expect(result.timeline?.map((w) => w.window)[0]).toBe('2026-08-31');
  });

  it('reads as a table: the overall row, the worst cohort, its onset, and the findings', async () => {
    const { code, stdout, stderr } = await cli(...byRegionAndDevice);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^log: +.*production\.parquet \(26,000 rows, 26,000 with a label/);
    expect(lines[1]).toMatch(/^reference: .*training\.parquet \(13,000 rows\)$/);
    const header = lines.find((l) => l.startsWith('region'));
    expect(header).toMatch(
      /^region +device +n +recall \[95% CI\] +precision +AUC +Δ recall +q +since +note$/,
    );
    expect(lines.find((l) => l.startsWith('(all)'))).toMatch(/^\(all\) +26,000 +0\.518 \[/);
    expect(lines.find((l) => l.startsWith('APAC    android'))).toMatch(
      /^APAC +android +4,198 +0\.228 \[0\.\d+, 0\.\d+\] .* -0\.406 +3e-13 +2026-09-21 +recall DROP$/,
    );
    expect(stdout).toMatch(
      /\nrecall DROP in region = 'APAC' AND device = 'android': 0\.228 vs 0\.634 in the reference \(Δ -0\.406, q = 3e-13\), since 2026-09-21\n/,
    );
    expect(stdout).toMatch(/\nbase rate UP: 0\.0466 vs 0\.0323 in the reference/);
    expect(stdout).toMatch(/\nover time \(all rows\):\nwindow +rows +labelled +recall/);
  });
});

describe('faultline performance: hostile names, no reference', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'performance-'));
    // 200 rows: `select` a/b alternating; a score that catches every fraud of a, none of b.
    const rows = ['select,"my ""col"" ü","a,b",label,p(fraud)'];
    for (let i = 0; i < 200; i++) {
      const fraud = i % 4 < 2 ? 1 : 0;
      const segment = i % 2 === 0 ? 'a' : 'b';
      const score = fraud ? (segment === 'a' ? 0.9 : 0.3) : 0.1 + (i % 7) / 100;
      rows.push(`${segment},${i},c${i % 3},${fraud},${score.toFixed(2)}`);
    }
    writeFileSync(path.join(dir, 'log.csv'), rows.join('\n') + '\n');
  });

  it('takes --by with a keyword and a comma name (repeated --by), --where with quotes and unicode', async () => {
    const { code, stdout, stderr } = await cli(
      'performance',
      '--log',
      path.join(dir, 'log.csv'),
      '--by',
      'select',
      '--by',
      'a,b',
      '--where',
      '"my ""col"" ü" >= 20',
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as Result & { where: unknown };
    expect(r.overall.n).toBe(180);
    expect(r.where).toEqual([{ column: 'my "col" ü', op: '>=', value: 20 }]);
    expect(r.cohorts).toHaveLength(6);
    for (const c of r.cohorts) expect(Object.keys(c.cohort)).toEqual(['select', 'a,b']);
    // Every b cohort misses all its frauds; every a cohort catches them.
    for (const c of r.cohorts) expect(c.metrics.recall).toBe(c.cohort.select === 'a' ? 1 : 0);
    expect(r.cohorts.slice(0, 3).map((c) => c.cohort.select)).toEqual(['b', 'b', 'b']);
    expect(r.cohorts[0]?.delta?.metrics.recall?.baseline).toBeGreaterThan(0.5);
  });

  const bad: [string, string[], RegExp][] = [
    ['a missing --log', ['--by', 'x'], /^faultline: performance: missing --log; usage: /],
    [
      'a --window that is not day, week or month',
      ['--log', log, '--window', 'fortnight'],
      /^faultline: --window must be day, week or month, not 'fortnight'\n$/,
    ],
    [
      'a --metric it cannot judge over time',
      ['--log', log, '--metric', 'auc'],
      /^faultline: --metric must be recall, precision, accuracy, fpr, not 'auc'\n$/,
    ],
    [
      'a --threshold outside [0, 1]',
      ['--log', log, '--threshold', '2'],
      /^faultline: --threshold 2/,
    ],
    [
      'a malformed --where, naming the position',
      ['--log', log, '--where', "region = 'APAC' AND"],
      /^faultline: --where: at position 20: expected a column name after AND/,
    ],
    [
      'a --where column no input has',
      ['--log', log, '--reference', reference, '--where', 'nope > 1'],
      /^faultline: --where: no column named "nope" in the log data to filter on\n$/,
    ],
    [
      'an unknown --by column',
      ['--log', log, '--by', 'region,nope'],
      /^faultline: --by: no column named "nope" in the log\n$/,
    ],
    [
      'three --by columns',
      ['--log', log, '--by', 'region,device,channel'],
      /^faultline: --by: one or two different columns/,
    ],
    [
      'a time column as --by',
      ['--log', log, '--by', 'event_time'],
      /^faultline: --by: 'event_time' is datetime: .*use --window/,
    ],
  ];
  it('exits 2 with one line for a log without a label', async () => {
    writeFileSync(path.join(dir, 'unlabelled.csv'), 'x,p(fraud)\n1,0.2\n2,0.9\n');
    const { code, stderr } = await cli('performance', '--log', path.join(dir, 'unlabelled.csv'));
    expect(code).toBe(2);
    expect(stderr).toBe('faultline: performance: no label column in the log\n');
  });

  for (const [what, args, message] of bad) {
    it(`exits 2 with one line for ${what}`, async () => {
      const { code, stdout, stderr } = await cli('performance', ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('is listed in the usage and has its own --help', async () => {
    expect((await cli('--help')).stdout).toMatch(/\n {2}faultline performance --log L/);
    const help = await cli('performance', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^faultline performance --log L \[--reference R\] \[--by a,b\]/);
  });
});
