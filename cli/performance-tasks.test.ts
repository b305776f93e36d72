import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliRun as cli } from '../test-support/run-cli.ts';

describe('faultline performance on multiclass and regression logs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'performance-tasks-'));
    // 60 rows, classes x/y/z in turn; segment a (even rows) always right, b wrong every 3rd row.
    const classes = ['x', 'y', 'z'];
    const multi = ['segment,species,guess'];
    for (let i = 0; i < 60; i++) {
      const y = classes[i % 3] ?? 'x';
      const wrong = i % 2 === 1 && i % 3 === 0;
      multi.push(`${i % 2 === 0 ? 'a' : 'b'},${y},${wrong ? ('x' === y ? 'y' : 'x') : y}`);
    }
    writeFileSync(path.join(dir, 'multi.csv'), multi.join('\n') + '\n');
    // 60 rows: truth i; segment a predicts i + 1, b predicts i - 2.
    const reg = ['segment,price,estimate'];
    for (let i = 0; i < 60; i++)
      reg.push(`${i % 2 === 0 ? 'a' : 'b'},${i},${i % 2 === 0 ? i + 1 : i - 2}`);
    writeFileSync(path.join(dir, 'reg.csv'), reg.join('\n') + '\n');
  });

  it('multiclass: accuracy, F1s and the confusion matrix per cohort', async () => {
    const { code, stdout, stderr } = await cli(
      'performance',
      '--log',
      path.join(dir, 'multi.csv'),
      '--label',
      'species',
      '--prediction',
      'guess',
      '--task',
      'multiclass',
      '--by',
      'segment',
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as {
      task: string;
      overall: {
        n: number;
        metrics: { accuracy: number; labels: string[]; confusion_matrix: number[][] };
      };
      cohorts: { cohort: { segment: string }; metrics: { accuracy: number } }[];
    };
    expect(r.task).toBe('multiclass');
    // b's wrong rows: odd multiples of 3 (3, 9, …, 57) = 10 of 30.
    expect(r.overall.metrics.accuracy).toBeCloseTo(50 / 60, 15);
    expect(r.overall.metrics.labels).toEqual(['x', 'y', 'z']);
    expect(r.cohorts.map((c) => [c.cohort.segment, c.metrics.accuracy])).toEqual([
      ['b', 20 / 30],
      ['a', 1],
    ]);
  });

  it('regression: MAE, RMSE, bias and R² per cohort, as a table', async () => {
    const args = ['performance', '--log', path.join(dir, 'reg.csv'), '--label', 'price'];
    const more = ['--prediction', 'estimate', '--task', 'regression', '--by', 'segment'];
    const json = await cli(...args, ...more, '--json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as {
      overall: { metrics: { mae: number; mean_error: number } };
      cohorts: {
        cohort: { segment: string };
        metrics: { mae: number; rmse: number; mean_error: number };
      }[];
    };
    expect(r.overall.metrics).toMatchObject({ mae: 1.5, mean_error: -0.5 });
    expect(r.cohorts.map((c) => [c.cohort.segment, c.metrics.mae, c.metrics.mean_error])).toEqual([
      ['b', 2, -2],
      ['a', 1, 1],
    ]);
    const text = await cli(...args, ...more);
    expect(text.stdout).toMatch(/\nsegment +n +MAE +RMSE +bias +R² +Δ MAE +note\n/);
    expect(text.stdout).toMatch(
      /\nlargest MAE rise in segment = 'b': 2\.000 vs 1\.000 in the rest of the log \(Δ \+1\.000, no test\)\n$/,
    );
  });
});
