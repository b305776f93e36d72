import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../shared/engine/duckdb.node.ts';
import { loadCanaryReference, readCanaryCsv } from '../test-support/canary-reference.ts';
import { referenceDir } from '../test-support/reference.ts';
import { cliRun as cli } from '../test-support/run-cli.ts';
import { samplePath } from '../test-support/samples.ts';
import { canaryCommand } from './commands/canary.ts';

interface Check {
  metric: string;
  cohort: Record<string, unknown>;
  baseline: number | null;
  canary: number | null;
  delta: number | null;
  relative_delta: number | null;
  p: number | null;
  tolerance: number;
  passed: boolean | null;
  too_small: boolean;
  critical: boolean;
}
interface Result {
  verdict: string;
  score: number | null;
  design: string;
  rows: { baseline: number; canary: number };
  checks: Check[];
  failing: string[];
  population: { psi: number | null; valid: boolean; invalid_columns: string[] };
}

/** The planted failure and what the generator counted per model version (answer-key.json). */
const answerKey = JSON.parse(readFileSync(samplePath('answer-key.json'), 'utf8')) as {
  planted: { failure: string; segment?: { column: string; value: string }[] }[];
  realized: { canary: { byModelVersion: Record<string, { rows: number; recall: number }> } };
};
const planted = answerKey.planted.find((p) => p.failure === 'canary_segment')?.segment?.[0];
const byModel = answerKey.realized.canary.byModelVersion;
const segment = `${planted?.column} = ${planted?.value}`;

const reference = loadCanaryReference();
const expected = (name: string) => {
  const found = reference.cases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`canary_verdict.json has no case ${name}`);
  return found.expected as unknown as { verdict: string; score: number; design: string };
};

// One engine for the command runs below: starting DuckDB-WASM costs far more than these small
// comparisons. `main` (stdout, JSON, exit 2 on errors) is run through the real CLI apart.
const engine = createNodeEngine();
afterAll(async () => {
  await (await engine).close();
});

/** `faultline canary ARGS` on the shared engine: text, the JSON as --json prints it, exit code. */
async function canary(...argv: string[]) {
  const out = await canaryCommand(() => engine, argv);
  return { ...out, result: JSON.parse(JSON.stringify(out.json)) as Result };
}

describe('faultline canary on the bundled canary log (v1 → v2, per week too)', () => {
  let run: Awaited<ReturnType<typeof canary>>;
  beforeAll(async () => {
    run = await canary(
      '--log',
      samplePath('data/canary.parquet'),
      '--baseline-version',
      'v1',
      '--canary-version',
      'v2',
      '--window',
      'week',
    );
  });

  it('FAILs v2 on the planted segment, whose recall is the first failing reason (exit 1)', () => {
    expect(run.exitCode).toBe(1);
    const r = run.result;
    expect(r.verdict).toBe('FAIL');
    expect(r.rows).toMatchObject({ baseline: byModel.v1?.rows, canary: byModel.v2?.rows });
    expect(r.failing[0]).toMatch(new RegExp(`^${segment}: recall fell from`));
    expect(r.checks[0]).toMatchObject({
      metric: 'recall',
      cohort: { [planted?.column ?? '']: planted?.value },
      critical: true,
      passed: false,
    });
  });

  it('sees that v2 is better overall: its recall over all rows is higher, and passes', () => {
    const overall = run.result.checks.find(
      (c) => c.metric === 'recall' && Object.keys(c.cohort).length === 0,
    );
    expect(overall?.baseline).toBeCloseTo(byModel.v1?.recall ?? NaN, 4);
    expect(overall?.canary).toBeCloseTo(byModel.v2?.recall ?? NaN, 4);
    expect(overall?.passed).toBe(true);
  });

  it("has CLI.md's keys, numbers as numbers", () => {
    const r = run.result;
    expect(typeof r.score).toBe('number');
    expect(typeof r.population.psi).toBe('number');
    expect(r.population.valid).toBe(true);
    for (const c of r.checks) {
      for (const key of ['metric', 'cohort', 'passed', 'too_small', 'tolerance']) {
        expect(c).toHaveProperty(key);
      }
      for (const key of ['baseline', 'canary', 'delta', 'relative_delta', 'p'] as const) {
        expect(c[key] === null || typeof c[key] === 'number').toBe(true);
      }
      expect(typeof c.tolerance).toBe('number');
    }
  });

  it('reads verdict and score first, the failing checks in words, then the checks by segment', () => {
    const lines = run.text.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^FAIL — score \\d+\\.\\d \\(\\d+ of \\d+ checks passed\\); critical: ${segment}: recall fell from 0\\.\\d{4} to 0\\.\\d{4} `,
      ),
    );
    expect(lines[1]).toBe('failing:');
    expect(lines[2]).toMatch(new RegExp(`^ {2}- ${segment}: recall fell .*\\[critical\\]$`));
    expect(run.text).toMatch(
      /\npopulation: the same traffic — the largest PSI of \d+ input features is 0\.\d{3} \(.+\), under 0\.2\n/,
    );
    expect(run.text).toMatch(
      /\nbaseline: .*canary\.parquet, model_version = 'v1' \(6,521 rows\)\ncanary: +.*canary\.parquet, model_version = 'v2' \(6,479 rows\)\n/,
    );
    expect(run.text).toMatch(
      /\nsegment \(passed\/scored\) +metric +baseline +canary +delta +change +p +q +tolerance +result\n/,
    );
    // All rows first, then the segments; the overall recall rose.
    expect(run.text).toMatch(/-\nall \(\d+\/\d+\) +recall\* +0\.\d{4} +0\.\d{4} +\+0\.\d{4} +\+/);
    expect(run.text).toMatch(
      new RegExp(`\\n${segment} \\(\\d+/\\d+\\) +recall\\* +0\\.6957 +0\\.2143 .* FAILED\\n`),
    );
    expect(run.text).toMatch(/\ndesign: split — .+\n/);
  });

  it('judges each week on its own, a line per week with its verdict, score and failures', () => {
    const weeks = run.text.split('per week of event_time (each window judged on its own):\n')[1];
    expect(weeks?.split('\n')[0]).toMatch(
      /^window +baseline rows +canary rows +verdict +score +failing$/,
    );
    const rows = (weeks ?? '').split('\n').filter((l) => /^\d{4}-\d{2}-\d{2} /.test(l));
    // The canary log spans two weeks (answer-key.json: from 2026-10-26, to 2026-11-08).
    expect(rows.map((l) => l.slice(0, 10))).toEqual(['2026-10-26', '2026-11-02']);
    for (const row of rows) {
      expect(row).toMatch(/^\S+ +[\d,]+ +[\d,]+ +(PASS|MARGINAL|FAIL|INVALID) +\d+\.\d( |$)/);
    }
  });
});

describe('faultline canary on the reference comparisons (../shared/reference)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'canary-'));
  });
  /** A reference CSV's two sides as two files, without the `side` column. */
  const splitSides = (file: string): string[] => {
    const [header = '', ...rows] = readFileSync(referenceDir + file, 'utf8')
      .trim()
      .split(/\r?\n/);
    const rest = (line: string) => line.slice(line.indexOf(',') + 1);
    return ['baseline', 'canary'].flatMap((side) => {
      const out = path.join(dir, `${side}-${file}`);
      const lines = rows.filter((r) => r.startsWith(`${side},`)).map(rest);
      writeFileSync(out, [rest(header), ...lines].join('\n') + '\n');
      return ['--' + side, out];
    });
  };
  /** One file, split by its `side` column as the model column. */
  const bySide = (file: string) => [
    '--log',
    referenceDir + file,
    '--model',
    'side',
    '--baseline-version',
    'baseline',
    '--canary-version',
    'canary',
  ];

  it('identical sides (two files): PASS, score 100, nothing failing, exit 0', async () => {
    const { exitCode, result, text } = await canary(...splitSides('canary_identical.csv'));
    expect(exitCode).toBe(0);
    expect(result.verdict).toBe(expected('identical').verdict);
    expect(result.score).toBe(100);
    expect(result.failing).toEqual([]);
    expect(result.checks.filter((c) => c.passed === false)).toEqual([]);
    expect(text.split('\n')[0]).toBe('PASS — score 100.0 (38 of 38 checks passed)');
    expect(text).not.toMatch(/\nfailing:/);
    // Each side's share of scores at or below 0.1 and above 0.9, counted from the file.
    const scores = readCanaryCsv('canary_identical.csv')
      .filter((r) => r.side === 'baseline')
      .map((r) => Number(r.score));
    const share = (keep: (s: number) => boolean) =>
      `${((100 * scores.filter(keep).length) / scores.length).toFixed(1)}%`;
    const low = share((s) => s <= 0.1);
    const high = share((s) => s > 0.9);
    expect(text).toContain(
      `scores (share of rows, baseline → canary): at or below 0.1 ${low} → ${low}, above 0.9 ${high} → ${high}`,
    );
  });

  it('a segment whose recall collapsed (two files): FAIL by its critical check, exit 1', async () => {
    const { exitCode, text } = await canary(...splitSides('canary_segment_recall_failure.csv'));
    expect(exitCode).toBe(1);
    const score = expected('segment_recall_failure').score.toFixed(1).replace('.', '\\.');
    expect(text.split('\n')[0]).toMatch(
      new RegExp(
        `^FAIL — score ${score} \\(37 of 38 checks passed\\); critical: plan = enterprise: recall fell from 0\\.7340 to 0\\.4000`,
      ),
    );
    expect(text).toMatch(
      /\nnot judged:\n {2}device = kiosk: too small to judge: baseline \d+ rows/,
    );
  });

  it('the same rows scored by both models: the shadow design, found by the ids', async () => {
    const { exitCode, result, text } = await canary(...splitSides('canary_shadow_same_rows.csv'));
    expect(exitCode).toBe(0);
    expect(result.design).toBe(expected('shadow_same_rows').design);
    expect(text).toMatch(/\njoined: +2,000 rows by row_id\n/);
    expect(text).toMatch(/\ndesign: shadow — /);
  });

  it('a shifted population (--json through the CLI): INVALID naming amount, exit 1', async () => {
    const run = await cli('canary', ...bySide('canary_population_shift.csv'), '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/NaN|Infinity/);
    const r = JSON.parse(run.stdout) as Result;
    expect(r.verdict).toBe(expected('population_shift').verdict);
    expect(r.population).toMatchObject({ valid: false, invalid_columns: ['amount'] });
    expect(typeof r.population.psi).toBe('number');
  });

  it('a shifted population reads INVALID first, naming the column and its PSI', async () => {
    const { exitCode, text } = await canary(...bySide('canary_population_shift.csv'));
    expect(exitCode).toBe(1);
    expect(text.split('\n')[0]).toMatch(
      /^INVALID — the two sides did not see the same traffic \(amount PSI 0\.33\d >= 0\.2\), so the checks cannot be trusted/,
    );
  });

  it('a borderline canary: MARGINAL at 75, exit 0, and exit 1 with --fail-on marginal', async () => {
    const args = [...bySide('canary_borderline_marginal.csv'), '--by', 'device'];
    const plain = await canary(...args);
    expect(plain.exitCode).toBe(0);
    expect(plain.result.verdict).toBe(expected('borderline_marginal').verdict);
    expect(plain.result.score).toBeCloseTo(expected('borderline_marginal').score, 10);
    expect(plain.text.split('\n')[0]).toBe('MARGINAL — score 75.0 (15 of 20 checks passed)');
    const gated = await canary(...args, '--fail-on', 'marginal');
    expect(gated.exitCode).toBe(1);
  });
});

describe('faultline canary: bad usage', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'canary-usage-'));
  });
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  // The data files do not exist: what the flags alone decide fails before any is opened.
  const files = ['--baseline', '/nonexistent/b.csv', '--canary', '/nonexistent/c.csv'];
  const cases: [string, () => string[], RegExp][] = [
    [
      'a missing --canary',
      () => ['--baseline', '/nonexistent/b.csv'],
      /^faultline: canary: missing --canary; usage: faultline canary --baseline B --canary C /,
    ],
    [
      'no inputs',
      () => [],
      /^faultline: canary: missing --baseline and --canary; usage: .*, or faultline canary --log L/,
    ],
    [
      'both ways of naming the sides',
      () => [...files, '--log', '/nonexistent/l.csv'],
      /^faultline: canary: --baseline and --log name the sides in two different ways/,
    ],
    [
      'a log without its versions',
      () => ['--log', '/nonexistent/l.csv', '--baseline-version', 'v1'],
      /^faultline: canary: missing --canary-version; usage: faultline canary --log L/,
    ],
    [
      '--fail-on other than marginal',
      () => [...files, '--fail-on', 'fail'],
      /^faultline: --fail-on must be marginal, not 'fail'\n$/,
    ],
    [
      'an unknown --design',
      () => [...files, '--design', 'paired'],
      /^faultline: --design must be auto, split or shadow, not 'paired'\n$/,
    ],
    [
      'a missing guardrails file',
      () => [...files, '--guardrails', path.join(dir, 'none.json')],
      /^faultline: --guardrails .*none\.json: no such file\n$/,
    ],
    [
      'guardrails that are not JSON',
      () => [
        ...files,
        '--guardrails',
        write('broken.json', '{\n  "tolerances": {\n    auc_absolute: 0.05\n  }\n}\n'),
      ],
      /^faultline: --guardrails .*broken\.json: not JSON: line 3, column 5: .+\n$/,
    ],
    [
      'guardrails with a bad value',
      () => [
        ...files,
        '--guardrails',
        write('negative.json', '{"tolerances": {"proportion_relative": -0.1}}'),
      ],
      /^faultline: --guardrails .*negative\.json: tolerances\.proportion_relative: .+\n$/,
    ],
    [
      'guardrails with an unknown key',
      () => [...files, '--guardrails', write('typo.json', '{"tolerance": {}}')],
      /^faultline: --guardrails .*typo\.json: .*tolerance.*\n$/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 2 with one line for ${what}`, async () => {
      const { code, stdout, stderr } = await cli('canary', ...args());
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('exits 2 with one line for a --by column the log does not have', async () => {
    const { code, stdout, stderr } = await cli(
      'canary',
      '--log',
      referenceDir + 'canary_identical.csv',
      '--model',
      'side',
      '--baseline-version',
      'baseline',
      '--canary-version',
      'canary',
      '--by',
      'device,nope',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^faultline: canary: no segment column named "nope"/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('is listed in the usage and has its own --help, which says INVALID fails a gate', async () => {
    expect((await cli('--help')).stdout).toMatch(/\n {2}faultline canary --baseline B --canary C/);
    const help = await cli('canary', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^faultline canary --baseline B --canary C \[--by a,b\]/);
    expect(help.stdout).toMatch(
      /or INVALID \(the\s+comparison cannot be trusted, so a gate must not pass\)/,
    );
  });
});
