import { describe, expect, it } from 'vitest';
import { browserUrl, describeTargets, launchTargets } from './launch-targets.ts';

const dirs = { cwd: '/home/me/work', rootDir: '/opt/faultline' };

describe('launchTargets', () => {
  it('opens the bundled sample by default: training, production, and the canary as a log', () => {
    expect(launchTargets([], dirs)).toEqual([
      { path: '/opt/faultline/samples/data/training.parquet', purpose: 'reference' },
      { path: '/opt/faultline/samples/data/production.parquet', purpose: 'current' },
      { path: '/opt/faultline/samples/data/canary.parquet', purpose: 'log' },
    ]);
  });

  it('resolves the files named from where the user typed the command, in the same purposes', () => {
    expect(
      launchTargets(['train.csv', '../logs/prod.csv', '/data/a.jsonl', 'b.csv'], dirs),
    ).toEqual([
      { path: '/home/me/work/train.csv', purpose: 'reference' },
      { path: '/home/me/logs/prod.csv', purpose: 'current' },
      { path: '/data/a.jsonl', purpose: 'log' },
      { path: '/home/me/work/b.csv', purpose: 'log' },
    ]);
  });

  it('opens a single file as the reference', () => {
    expect(launchTargets(['only.parquet'], dirs)).toEqual([
      { path: '/home/me/work/only.parquet', purpose: 'reference' },
    ]);
  });
});

describe('describeTargets', () => {
  it('prints one aligned line per file', () => {
    expect(describeTargets(launchTargets([], dirs))).toBe(
      '  reference  training.parquet\n  current    production.parquet\n  log        canary.parquet',
    );
  });
});

describe('browserUrl', () => {
  it('asks the browser app to open the sample unless the user named files', () => {
    expect(browserUrl('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173/?open=sample');
    expect(browserUrl('http://127.0.0.1:5173', true)).toBe('http://127.0.0.1:5173/');
  });
});
