import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScalar } from '../shared/engine/arrow-columns.ts';
import { createNodeEngine } from '../shared/engine/duckdb.node.ts';
import { ident, sql, table } from '../shared/sql/sql.ts';
import {
  openSample,
  plantedColumn,
  plantedFailure,
  samplePath,
  sampleColumns,
  stableColumns,
} from '../test-support/samples.ts';
import { runCli } from './main.ts';

const reference = samplePath('data/training.parquet');
const current = samplePath('data/production.parquet');

const amount = plantedColumn('unit_change');
const merchant = plantedColumn('new_category');
const distance = plantedColumn('missing_rate_jump');
const score = plantedColumn('miscalibration');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
const drift = (...argv: string[]) =>
  cli('drift', '--reference', reference, '--current', current, ...argv);

interface Column {
  name: string;
  kind: string;
  role: string;
  reason: string;
  tests: { name: string; statistic: number; p: number; q: number }[];
  psi: number | null;
  band: string | null;
  drifted: boolean;
  missing: {
    reference: number | null;
    current: number | null;
    shifted: boolean;
    since?: string | null;
  };
  new_categories: { value: string | number; count: number; share: number }[];
  [key: string]: unknown;
}
interface Result {
  reference: { rows: number };
  current: { rows: number };
  columns: Column[];
}

let json: { code: number; stdout: string; stderr: string };
let result: Result;

beforeAll(async () => {
  json = await drift('--json');
  result = JSON.parse(json.stdout) as Result;
});

const column = (name: string): Column => {
  const c = result.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no drift row for ${name}`);
  return c;
};

describe('faultline drift --json on the bundled samples', () => {
  it("prints one JSON object with CLI.md's keys, exit 0 without --fail-on-drift", () => {
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['reference', 'current', 'columns']),
    );
    expect(result.reference.rows).toBe(13000);
    expect(result.current.rows).toBe(26000);
    const keys = ['name', 'kind', 'psi', 'band', 'js', 'ks', 'wasserstein', 'chi2', 'linf'];
    for (const c of result.columns) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining([...keys, 'missing', 'out_of_range', 'new_categories', 'vanished']),
      );
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['drifted', 'role', 'reason', 'tests']),
      );
      expect(Object.keys(c.missing)).toEqual(
        expect.arrayContaining(['reference', 'current', 'shifted']),
      );
    }
  });

  it('never prints NaN or Infinity (undefined values are null)', () => {
    expect(json.stdout).not.toMatch(/NaN|Infinity/);
    const walk = (v: unknown): void => {
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(result);
  });

  it('finds the planted failures and nothing else drifts', () => {
    expect(column(amount)).toMatchObject({ band: 'significant', drifted: true });
    expect(column(score)).toMatchObject({ role: 'score', band: 'significant', drifted: true });
    expect(column(merchant).new_categories.map((n) => n.value)).toEqual(['crypto']);
    expect(column(distance).missing).toMatchObject({ reference: 0, shifted: true });
    expect(column(distance).drifted).toBe(false);
    for (const name of stableColumns) {
      const c = result.columns.find((x) => x.name === name);
      if (c) expect(c.drifted, name).toBe(false);
    }
    expect(result.columns.filter((c) => c.missing.shifted).map((c) => c.name)).toEqual([distance]);
  });

  it("compares the model's score, label and prediction as rows of their own, with their tests", () => {
    const roles = Object.fromEntries(result.columns.map((c) => [c.name, c.role]));
    expect(roles).toMatchObject({
      [sampleColumns.score]: 'score',
      [sampleColumns.label]: 'label',
      [sampleColumns.prediction]: 'prediction',
      [amount]: 'feature',
    });
    const label = column(sampleColumns.label);
    expect(label.kind).toBe('categorical');
    expect(label.tests.map((t) => t.name)).toEqual(['chi2']);
    expect(label.tests[0]?.q).toBeLessThan(0.05);
    expect(column(distance).tests.map((t) => t.name)).toEqual(['ks', 'missing_z']);
    expect(column(amount).reason).toMatch(/^drifted: PSI 0\.661 ≥ 0\.2 \(significant\); KS D = /);
  });
});

describe('faultline drift, readable', () => {
  it('puts the planted findings in the first rows, counts them, and says why', async () => {
    const { code, stdout, stderr } = await drift();
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^reference: .*training\.parquet \(13,000 rows\)$/);
    expect(lines[1]).toMatch(/^current: +.*production\.parquet \(26,000 rows\)$/);
    expect(lines[2]).toBe(
      `18 columns compared: 15 features and ${sampleColumns.label} (label), ` +
        `${sampleColumns.score} (score), ${sampleColumns.prediction} (prediction).`,
    );
    const dashes = lines.findIndex((l) => l.startsWith('---'));
    expect(lines[dashes - 1]).toMatch(
      /^column +kind +band +PSI +test +p +q +errors where +missing/,
    );
    const rows = lines.slice(dashes + 1, dashes + 5);
    const row = (name: string) => rows.find((r) => r.startsWith(`${name} `)) ?? '';
    // The three significant drifts first (by PSI), then the missing-rate shift.
    expect(
      rows
        .slice(0, 3)
        .map((r) => r.split(' ')[0])
        .sort(),
    ).toEqual([amount, merchant, score].sort());
    expect(row(score)).toMatch(/^fraud_score +score +significant .*KS /);
    expect(row(amount)).toMatch(new RegExp(`^${amount} +num +significant .*KS .*out of range`));
    expect(row(merchant)).toMatch(
      new RegExp(`^${merchant} +cat +significant .*chi² .*new: crypto \\(\\d+\\.\\d%\\)`),
    );
    expect(rows[3]).toMatch(new RegExp(`^${distance} +num +stable .*0% → \\d+\\.\\d% SHIFTED`));
    expect(lines.find((l) => l.startsWith(`${sampleColumns.label} `))).toMatch(/ label +stable /);
    expect(stdout).toMatch(
      new RegExp(
        `\\n3 of 18 columns drifted \\(significant\\): ${amount}, ${merchant}, ${score}\\n`,
      ),
    );
    expect(stdout).toMatch(new RegExp(`\\n1 missing-rate shift .*: ${distance}\\n`));
    // Why, for each flagged row, in the table's order.
    const why = lines
      .slice(lines.indexOf('why:') + 1)
      .filter((l) => l !== '' && !l.startsWith('    '));
    expect(why.map((l) => l.trim().split(':')[0])).toEqual([score, amount, merchant, distance]);
    expect(why[3]).toMatch(/^ {2}distance_from_home_km: missing rate up \d+\.\d points \(0% → /);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(140);
  });
});

describe('faultline drift flags', () => {
  it('--fail-on-drift exits 1 on a significant drift, 0 when none', async () => {
    const failed = await drift('--fail-on-drift', '--columns', amount, '--json');
    expect(failed.code).toBe(1);
    expect((JSON.parse(failed.stdout) as Result).columns.map((c) => c.drifted)).toEqual([true]);
    const passed = await drift('--fail-on-drift', '--columns', 'region,device');
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/0 of 2 columns drifted/);
  });

  it('--fail-on-drift counts a drifted score: prediction drift is drift', async () => {
    const { code, stdout } = await drift('--fail-on-drift', '--columns', score, '--json');
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as Result).columns.map((c) => [c.role, c.drifted])).toEqual([
      ['score', true],
    ]);
  });

  it('--window week dates each planted drift from the week it began (answer key)', async () => {
    const { code, stdout } = await drift('--window', 'week', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result & {
      timeline: { window: string }[];
      columns: (Column & { since: string | null })[];
    };
    const since = Object.fromEntries(result.columns.map((c) => [c.name, c.since]));
    expect(since[amount]).toBe(plantedFailure('unit_change').since);
    expect(since[merchant]).toBe(plantedFailure('new_category').since);
    expect(since[score]).toBe(plantedFailure('miscalibration').since);
    expect(column(distance).missing).not.toHaveProperty('since');
    const withTimeline = result.columns.find((c) => c.name === distance);
    expect(withTimeline?.missing.since).toBe(plantedFailure('missing_rate_jump').since);
    expect(result.timeline.map((w) => w.window)[0]).toBe('2026-08-31');
    const text = await drift('--window', 'week');
    expect(text.stdout).toMatch(/amount\s+num\s+significant\s+2026-10-05/);
  });

  it('says why a timeline it was asked for is missing', async () => {
    const tiny = path.join(mkdtempSync(path.join(tmpdir(), 'drift-')), 'tiny.csv');
    writeFileSync(tiny, 'a,b\n1,x\n2,y\n');
    const { code, stdout } = await cli(
      'drift',
      '--reference',
      tiny,
      '--current',
      tiny,
      '--window',
      'day',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nno timeline: .*time column/);
  });

  it('--columns limits the columns, in the order given', async () => {
    const { code, stdout } = await drift('--columns', `${merchant},${amount}`, '--json');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Result).columns.map((c) => c.name)).toEqual([merchant, amount]);
  });

  const bad: [string, string[], RegExp][] = [
    [
      'an unknown column in --columns',
      ['--reference', reference, '--current', current, '--columns', `${amount},nope`],
      /^faultline: --columns: no column named "nope"/,
    ],
    [
      'a missing --current',
      ['--reference', reference],
      /^faultline: drift: missing --current; usage: /,
    ],
    [
      'a missing --reference',
      ['--current', current],
      /^faultline: drift: missing --reference; usage: /,
    ],
    [
      'a --window that is not day, week or month',
      ['--reference', reference, '--current', current, '--window', 'fortnight'],
      /^faultline: --window must be day, week or month, not 'fortnight'\n$/,
    ],
    [
      'a malformed --where, naming the position',
      ['--reference', reference, '--current', current, '--where', "region = 'APAC' AND"],
      /^faultline: --where: at position 20: expected a column name after AND/,
    ],
    [
      'a --where column one side lacks, naming it and the side',
      ['--reference', reference, '--current', current, '--where', 'nope > 1'],
      /^faultline: --where: no column named "nope" in the reference data to filter on\n$/,
    ],
    [
      'an unreadable file',
      ['--reference', reference, '--current', 'missing.parquet'],
      /^faultline: .*missing\.parquet: cannot read \(ENOENT\)\n$/,
    ],
    [
      'a role flag naming no column',
      ['--reference', reference, '--current', current, '--label', 'nope'],
      /^faultline: --reference .*training\.parquet: no column named "nope"/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line for ${what}`, async () => {
      const { code, stdout, stderr } = await cli('drift', ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }
});

describe('faultline drift --where', () => {
  const engine = createNodeEngine();
  afterAll(async () => {
    await (await engine).close();
  });

  it("restricts both sides to the cohort: rows are plain SQL's APAC counts", async () => {
    const e = await engine;
    const apac = async (file: string, name: string) => {
      await openSample(e, file, name);
      return readScalar(
        await e.query(
          sql`SELECT count(*)::DOUBLE FROM ${table(name)} WHERE ${ident('region')} = ${'APAC'}`,
        ),
      );
    };
    const { code, stdout } = await drift('--where', "region = 'APAC'", '--json');
    expect(code).toBe(0);
    const cohort = JSON.parse(stdout) as Result & { where: unknown };
    expect(cohort.reference.rows).toBe(await apac('training.parquet', 'apac_training'));
    expect(cohort.current.rows).toBe(await apac('production.parquet', 'apac_production'));
    expect(cohort.reference.rows).toBeLessThan(13000);
    expect(cohort.where).toEqual([{ column: 'region', op: '=', value: 'APAC' }]);
    expect(cohort.columns.find((c) => c.name === 'region')?.bins).toMatchObject({
      categories: ['APAC'],
    });
    const text = await drift('--where', "region = 'APAC'");
    expect(text.stdout.split('\n')[2]).toBe("cohort:    region = 'APAC' (on both sides)");
  });

  it('takes hostile column names: spaces, quotes, unicode, an SQL keyword', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drift-where-'));
    const header = 'select,"my ""col"" ü",it\'s;--,x';
    // 40 rows a side: select alternates a/b, the quoted column counts up, x is a number.
    const csv = (shift: number) =>
      [
        header,
        ...Array.from({ length: 40 }, (_, i) => {
          const segment = i % 2 === 0 ? 'a' : 'b';
          return `${segment},${i},${i % 3 === 0 ? 'yes' : 'no'},${i * 1.5 + shift * (i % 2)}`;
        }),
      ].join('\n') + '\n';
    const files = [0, 100].map((shift, k) => {
      const file = path.join(dir, `side${k}.csv`);
      writeFileSync(file, csv(shift));
      return file;
    });
    const where = `"select" = 'a' AND "my ""col"" ü" >= 10 AND "it's;--" IN ('yes', 'no')`;
    const { code, stdout, stderr } = await cli(
      'drift',
      '--reference',
      files[0] ?? '',
      '--current',
      files[1] ?? '',
      '--where',
      where,
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as Result & { where: { column: string }[] };
    // Even i from 10 to 38: 15 rows a side; the shift touches odd rows only, so x is the same.
    expect([r.reference.rows, r.current.rows]).toEqual([15, 15]);
    expect(r.where.map((p) => p.column)).toEqual(['select', 'my "col" ü', "it's;--"]);
    const x = r.columns.find((c) => c.name === 'x');
    expect(x?.psi).toBe(0);
    const all = await cli(
      'drift',
      '--reference',
      files[0] ?? '',
      '--current',
      files[1] ?? '',
      '--json',
    );
    expect((JSON.parse(all.stdout) as Result).columns.find((c) => c.name === 'x')?.drifted).toBe(
      true,
    );
  });
});
