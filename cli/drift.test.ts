import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plantedColumn, samplePath, stableColumns } from '../test-support/samples.ts';
import { runCli } from './main.ts';

const reference = samplePath('data/training.parquet');
const current = samplePath('data/production.parquet');

const amount = plantedColumn('unit_change');
const merchant = plantedColumn('new_category');
const distance = plantedColumn('missing_rate_jump');

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
  psi: number | null;
  band: string | null;
  drifted: boolean;
  missing: { reference: number | null; current: number | null; shifted: boolean };
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
      expect(Object.keys(c)).toContain('drifted');
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
    expect(column(merchant).new_categories.map((n) => n.value)).toEqual(['crypto']);
    expect(column(distance).missing).toMatchObject({ reference: 0, shifted: true });
    expect(column(distance).drifted).toBe(false);
    for (const name of stableColumns) {
      const c = result.columns.find((x) => x.name === name);
      if (c) expect(c.drifted, name).toBe(false);
    }
    expect(result.columns.filter((c) => c.missing.shifted).map((c) => c.name)).toEqual([distance]);
  });
});

describe('faultline drift, readable', () => {
  it('puts the planted findings in the first rows, then counts them', async () => {
    const { code, stdout, stderr } = await drift();
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^reference: .*training\.parquet \(13,000 rows\)$/);
    expect(lines[1]).toMatch(/^current: +.*production\.parquet \(26,000 rows\)$/);
    const dashes = lines.findIndex((l) => l.startsWith('---'));
    expect(lines[dashes - 1]).toMatch(
      /^column +kind +band +PSI +test +p +q +errors where +missing/,
    );
    const rows = lines.slice(dashes + 1, dashes + 4);
    expect(rows[0]).toMatch(new RegExp(`^${amount} +num +significant .*KS .*out of range`));
    expect(rows[1]).toMatch(
      new RegExp(`^${merchant} +cat +significant .*chi² .*new: crypto \\(\\d+\\.\\d%\\)`),
    );
    expect(rows[2]).toMatch(new RegExp(`^${distance} +num +stable .*0% → \\d+\\.\\d% SHIFTED`));
    expect(stdout).toMatch(
      new RegExp(`\\n2 of \\d+ columns drifted \\(significant\\): ${amount}, ${merchant}\\n`),
    );
    expect(stdout).toMatch(new RegExp(`\\n1 missing-rate shift .*: ${distance}\\n$`));
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

  it('--window week dates each planted drift from the week it began (answer key)', async () => {
    const { code, stdout } = await drift('--window', 'week', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result & {
      timeline: { window: string }[];
      columns: { name: string; since: string | null }[];
    };
    const since = Object.fromEntries(result.columns.map((c) => [c.name, c.since]));
    expect(since[amount]).toBe('2026-10-05');
    expect(since[merchant]).toBe('2026-09-28');
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
