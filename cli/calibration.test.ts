import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { realizedCounts, samplePath } from '../test-support/samples.ts';
import { cliRun as cli } from '../test-support/run-cli.ts';

const reference = samplePath('data/training.parquet');
const log = samplePath('data/production.parquet');

interface Curve {
  bins: Record<string, unknown>[];
  ece: number | null;
  mce: number | null;
  brier: Record<string, number | null>;
  n: number;
}
interface Result extends Curve {
  cohorts?: (Curve & { cohort: Record<string, unknown>; too_small: boolean })[];
  reference?: Curve;
}

describe('faultline calibration on the bundled samples', () => {
  let json: { code: number; stdout: string; stderr: string };
  let result: Result;
  beforeAll(async () => {
    json = await cli(
      'calibration',
      '--log',
      log,
      '--reference',
      reference,
      '--by',
      'region',
      '--json',
    );
    result = JSON.parse(json.stdout) as Result;
  });

  it("prints one JSON object with CLI.md's keys, exit 0", () => {
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(json.stdout).not.toMatch(/NaN|Infinity/);
    expect(result.n).toBe(realizedCounts('production').rows);
    const curves = [result, result.reference, ...(result.cohorts ?? [])];
    expect(curves).toHaveLength(2 + 4);
    for (const curve of curves) {
      expect(Object.keys(curve ?? {})).toEqual(
        expect.arrayContaining(['bins', 'ece', 'mce', 'brier', 'histogram']),
      );
      expect(typeof curve?.ece).toBe('number');
      expect(Object.keys(curve?.brier ?? {})).toEqual(
        expect.arrayContaining(['total', 'rel', 'res', 'unc', 'residual']),
      );
      for (const b of curve?.bins ?? []) {
        expect(Object.keys(b)).toEqual(
          expect.arrayContaining(['n', 'mean_score', 'observed', 'low', 'high', 'lo', 'hi']),
        );
      }
    }
    for (const c of result.cohorts ?? []) expect(Object.keys(c.cohort)).toEqual(['region']);
    const eces = (result.cohorts ?? []).map((c) => c.ece ?? 0);
    expect(eces).toEqual([...eces].sort((a, b) => b - a));
  });

  it('reads as a table of bins, ECE, MCE and Brier in words, the reference beside the log', async () => {
    const { code, stdout, stderr } = await cli(
      'calibration',
      '--log',
      log,
      '--reference',
      reference,
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(
      /^log: +.*production\.parquet \(26,000 rows, 26,000 with a label and a score\)$/,
    );
    expect(lines[1]).toMatch(/^reference: .*training\.parquet \(13,000 rows, 13,000 with a label/);
    expect(stdout).toMatch(/\njudged: +'fraud_score' as the probability that 'is_fraud' = 1\n/);
    expect(stdout).toMatch(/\nbin +n +positives +mean score +observed \[95% CI\] +gap +note\n/);
    expect(lines.find((l) => l.startsWith('(0.7, 0.8]'))).toMatch(
      /^\(0\.7, 0\.8\] +37 +15 +0\.7416 +0\.4054 \[0\.\d{4}, 0\.\d{4}\] +-0\.3362 +observed below the score$/,
    );
    expect(stdout).toMatch(/\nECE +0\.\d{4} +expected calibration error/);
    expect(stdout).toMatch(
      /\nMCE +0\.3362 +maximum calibration error: the largest gap, in bin \(0\.7, 0\.8\] \(37 rows\)/,
    );
    expect(stdout).toMatch(
      /\nBrier 0\.\d{4} += reliability 0\.\d{4} - resolution 0\.\d{4} \+ uncertainty 0\.\d{4} \(residual [-+±]0\.\d{4}/,
    );
    expect(stdout).toMatch(/\nthe reference:\n/);
    expect(stdout).toMatch(
      /\nobserved rate below the score beyond its 95% interval \(over-confident\) in \d bins: .*\(0\.7, 0\.8\], \(0\.8, 0\.9\], \(0\.9, 1\]\n/,
    );
    expect(stdout).toMatch(/\nECE 0\.\d{4} in the log vs 0\.00\d{2} in the reference\n$/);
  });

  it('per cohort with --by and equal-mass bins with --strategy quantile, worst ECE first', async () => {
    const { code, stdout } = await cli(
      'calibration',
      '--log',
      log,
      '--by',
      'region',
      '--strategy',
      'quantile',
      '--bins',
      '5',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nbins: +5 equal-mass bins \(quantile/);
    expect(stdout).toMatch(
      /\nby region, worst ECE first:\nregion +n +positives +ECE +MCE +Brier +note\n/,
    );
    const order = [...stdout.matchAll(/\nregion = '(\w+)':\n/g)].map((m) => m[1]);
    expect(order).toEqual(result.cohorts?.map((c) => c.cohort.region));
  });
});

describe('faultline calibration: small logs and bad usage', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'calibration-'));
    writeFileSync(
      path.join(dir, 'ok.csv'),
      'segment,label,p\na,1,0.9\na,0,0.2\nb,1,0.6\nb,0,0.1\n',
    );
    writeFileSync(path.join(dir, 'outside.csv'), 'label,p\n1,0.9\n0,1.5\n0,-0.2\n1,0.4\n');
  });

  it('a --where that keeps no rows says so, exit 0', async () => {
    const { code, stdout, stderr } = await cli(
      'calibration',
      '--log',
      path.join(dir, 'ok.csv'),
      '--score',
      'p',
      '--where',
      "segment = 'none'",
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\ncohort: +segment = 'none'\n/);
    expect(stdout).toMatch(/\nthe log:\nno rows match the cohort filter\n$/);
  });

  it('exits 2 naming the score column and how many scores are outside [0, 1]', async () => {
    const { code, stdout, stderr } = await cli(
      'calibration',
      '--log',
      path.join(dir, 'outside.csv'),
      '--score',
      'p',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^faultline: calibration: 2 scores of 'p' in the log are outside \[0, 1\] \(min -0\.2, max 1\.5\)/,
    );
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  const bad: [string, string[], RegExp][] = [
    ['a missing --log', ['--bins', '10'], /^faultline: calibration: missing --log; usage: /],
    [
      'a --bins that is not a number',
      ['--log', log, '--bins', 'abc'],
      /^faultline: --bins must be a whole number from 2 to 1000, not 'abc'\n$/,
    ],
    [
      'one bin',
      ['--log', log, '--bins', '1'],
      /^faultline: --bins must be a whole number from 2 to 1000, not '1'\n$/,
    ],
    ['zero bins', ['--log', log, '--bins', '0'], /not '0'\n$/],
    [
      'a --strategy it does not know',
      ['--log', log, '--strategy', 'foo'],
      /^faultline: --strategy must be uniform or quantile, not 'foo'\n$/,
    ],
    [
      'two --by columns, repeated',
      ['--log', log, '--by', 'region', '--by', 'device'],
      /^faultline: --by: calibration takes one cohort column, not 2\n$/,
    ],
    [
      'two --by columns in one list',
      ['--log', log, '--by', 'region,device'],
      /^faultline: --by: calibration takes one cohort column, not 2 \("region", "device"\)\n$/,
    ],
    [
      'a malformed --where, naming the position',
      ['--log', log, '--where', "region = 'APAC' AND"],
      /^faultline: --where: at position 20: expected a column name after AND/,
    ],
    [
      'an unexpected argument',
      ['--log', log, 'extra'],
      /^faultline: calibration: unexpected argument 'extra'/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line for ${what}`, async () => {
      const { code, stdout, stderr } = await cli('calibration', ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('exits 2 with one line for a log without a score', async () => {
    writeFileSync(path.join(dir, 'unscored.csv'), 'label,flagged\n1,1\n0,0\n1,0\n');
    const { code, stderr } = await cli('calibration', '--log', path.join(dir, 'unscored.csv'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^faultline: calibration: no (prediction or )?score column in the log/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('is listed in the usage and has its own --help', async () => {
    expect((await cli('--help')).stdout).toMatch(/\n {2}faultline calibration --log L/);
    const help = await cli('calibration', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /^faultline calibration --log L \[--reference R\] \[--bins 10\] \[--strategy uniform\|quantile\]/,
    );
  });
});
