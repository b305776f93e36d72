import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliRun as cli } from '../test-support/run-cli.ts';
import { plantedFailure, samplePath } from '../test-support/samples.ts';

const reference = samplePath('data/training.parquet');
const log = samplePath('data/production.parquet');

interface Term {
  column: string;
  value: unknown;
  text: string;
}
interface Slice {
  low: number | null;
  predicates: { column: string; op: string; value: unknown }[];
  terms: Term[];
  level: number;
  size: number;
  error: number;
  score: number;
  reference?: { error: number | null; history: string };
}
interface Result {
  slices: Slice[];
  n: number;
  mean_error: number;
  min_support: number;
  levels: { level: number }[];
}

const cohort = plantedFailure('cohort_collapse').cohort ?? [];

describe('faultline slices on the bundled samples', () => {
  let json: { code: number; stdout: string; stderr: string };
  let result: Result;
  beforeAll(async () => {
    json = await cli('slices', '--log', log, '--reference', reference, '--json');
    result = JSON.parse(json.stdout) as Result;
  });

  it("prints one JSON object with CLI.md's keys, best first, exit 0", () => {
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(json.stdout).not.toMatch(/NaN|Infinity/);
    expect(result.slices.length).toBeGreaterThan(0);
    expect(result.slices.length).toBeLessThanOrEqual(10);
    for (const s of result.slices) {
      expect(s.predicates.length).toBeGreaterThan(0);
      for (const p of s.predicates) {
        expect(Object.keys(p)).toEqual(expect.arrayContaining(['column', 'op', 'value']));
      }
      for (const key of ['size', 'error', 'score'] as const) expect(typeof s[key]).toBe('number');
      expect(s.size).toBeGreaterThanOrEqual(result.min_support);
      expect(s.score).toBeGreaterThan(0);
    }
    const scores = result.slices.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds the planted cohort first, far worse than the average, and broken since the reference', () => {
    const top = result.slices[0];
    expect(top?.terms.map((t) => [t.column, t.value])).toEqual(
      cohort.map((c) => [c.column, c.value]),
    );
    // Far above the average, beyond noise: its 95% interval lies above twice the mean error.
    expect(top?.low).toBeGreaterThan(2 * result.mean_error);
    expect(top?.reference?.history).toBe('broke');
    expect(top?.reference?.error).toBeLessThan(top?.error ?? 0);
  });

  it('reads as a header and a table of the slices in words, the reference beside them', async () => {
    const { code, stdout, stderr } = await cli(
      'slices',
      '--log',
      log,
      '--reference',
      reference,
      '--k',
      '3',
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(
      /^log: +.*production\.parquet \([\d,]+ rows searched, error rate 0\.\d{4} overall\)$/,
    );
    expect(lines[1]).toMatch(/^reference: +.*training\.parquet \(error rate 0\.\d{4} overall\)$/);
    expect(stdout).toMatch(/\nlevels: +1: [\d,]+ candidates, [\d,]+ pruned, [\d,]+ evaluated/);
    expect(stdout).toMatch(/\n# +slice +rows +error \[95% CI\] +lift +score +in the reference\n/);
    const words = cohort.map((c) => `${c.column} = ${c.value}`).join(' and ');
    expect(stdout).toMatch(
      new RegExp(
        `\\n1 +${words} +[\\d,]+ +0\\.\\d{4} \\[0\\.\\d{4}, 0\\.\\d{4}\\] +\\d+\\.\\d× +\\d+\\.\\d{3} +broke: was 0\\.\\d{4} in the reference\\n`,
      ),
    );
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .filter((l) => /^\d+ /.test(l)).length,
    ).toBeLessThanOrEqual(3);
  });

  it('--k and --max-level bound the slices', async () => {
    const { code, stdout } = await cli(
      'slices',
      '--log',
      log,
      '--k',
      '3',
      '--max-level',
      '1',
      '--json',
    );
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as Result;
    expect(r.slices.length).toBeGreaterThan(0);
    expect(r.slices.length).toBeLessThanOrEqual(3);
    for (const s of r.slices) {
      expect(s.level).toBe(1);
      expect(s.terms).toHaveLength(1);
    }
    expect(r.levels.map((l) => l.level)).toEqual([1]);
  });
});

describe('faultline slices: small logs and bad usage', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'slices-'));
    const rows = ['region,device,is_fraud,fraud_score,predicted_fraud'];
    for (let i = 0; i < 200; i++) {
      const label = i % 4 === 0 ? 1 : 0;
      rows.push(
        `${['EU', 'NA'][i % 2]},${['ios', 'web'][i % 3 === 0 ? 0 : 1]},${label},${label ? 0.9 : 0.1},${label}`,
      );
    }
    writeFileSync(path.join(dir, 'perfect.csv'), rows.join('\n') + '\n');
  });

  it('says plainly that there are no slices when the model makes no mistake', async () => {
    const { code, stdout, stderr } = await cli('slices', '--log', path.join(dir, 'perfect.csv'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^log: +.*perfect\.csv \(200 rows searched, error rate 0\.0000 overall\)\n/,
    );
    expect(stdout).toMatch(/\nno slices: .+\n?$/);
  });

  const bad: [string, string[], RegExp][] = [
    ['a missing --log', ['--k', '3'], /^faultline: slices: missing --log; usage: /],
    ['--k 0', ['--k', '0'], /^faultline: --k must be a whole number of 1 or more, not 0\n$/],
    ['--k 2.5', ['--k', '2.5'], /^faultline: --k must be a whole number of 1 or more, not 2\.5\n$/],
    [
      '--k abc',
      ['--k', 'abc'],
      /^faultline: --k must be a whole number of 1 or more, not 'abc'\n$/,
    ],
    ['--alpha 0', ['--alpha', '0'], /^faultline: --alpha must be in \(0, 1\] .*, not 0\n$/],
    ['--alpha 1.5', ['--alpha', '1.5'], /^faultline: --alpha must be in \(0, 1\] .*, not 1\.5\n$/],
    [
      '--alpha x',
      ['--alpha', 'x'],
      /^faultline: --alpha must be a number in \(0, 1\] .*, not 'x'\n$/,
    ],
    [
      '--max-level 0',
      ['--max-level', '0'],
      /^faultline: --max-level must be a whole number .*not 0\n$/,
    ],
    [
      '--min-support -3',
      ['--min-support', '-3'],
      /^faultline: --min-support must be a whole number of 1 or more, not -3\n$/,
    ],
    [
      '--threshold 2',
      ['--threshold', '2'],
      /^faultline: --threshold 2: expected a number in \[0, 1\]\n$/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line for ${what}, before reading the log`, async () => {
      // The log does not exist: a number checked first fails before any file is opened.
      const { code, stdout, stderr } = await cli(
        'slices',
        ...(what === 'a missing --log' ? [] : ['--log', '/nonexistent/log.csv']),
        ...args,
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('exits 2 with one line for a --columns name the log does not have', async () => {
    const small = path.join(dir, 'perfect.csv');
    const { code, stdout, stderr } = await cli(
      'slices',
      '--log',
      small,
      '--columns',
      'region,nope',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^faultline: slices: no column named "nope" in the log/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('is listed in the usage and has its own --help', async () => {
    expect((await cli('--help')).stdout).toMatch(/\n {2}faultline slices --log L/);
    const help = await cli('slices', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^faultline slices --log L \[--reference R\] \[--k 10\]/);
  });
});
