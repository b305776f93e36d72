import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './main.ts';

let dir: string;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'faultline-cli-'));
  const rows = ['request id,"p(fraud)",label,region,select'];
  for (let i = 0; i < 50; i++)
    rows.push(
      `r${i},${(i / 50).toFixed(2)},${i % 5 === 0 ? 1 : 0},${['EU', 'NA'][i % 2]},x${i % 3}`,
    );
  writeFileSync(path.join(dir, 'log.csv'), rows.join('\n') + '\n');
  writeFileSync(path.join(dir, 'empty.csv'), '');
  writeFileSync(path.join(dir, 'ragged.csv'), 'a,b\n1,2\n3\n');
});

describe('faultline inspect', () => {
  it('prints CLI.md keys as one JSON object with exact column names', async () => {
    const { code, stdout, stderr } = await cli('inspect', path.join(dir, 'log.csv'), '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout) as Record<string, unknown> & {
      columns: Record<string, unknown>[];
    };
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['rows', 'format', 'columns', 'task', 'warnings']),
    );
    expect(out.rows).toBe(50);
    expect(out.format).toBe('csv');
    expect(out.task).toBe('binary');
    expect(out.columns.map((c) => [c.name, c.role])).toEqual([
      ['request id', 'id'],
      ['p(fraud)', 'score'],
      ['label', 'label'],
      ['region', 'feature'],
      ['select', 'feature'],
    ]);
    for (const c of out.columns) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['name', 'type', 'kind', 'role', 'nulls', 'distinct']),
      );
    }
  });

  it('role flags override inference', async () => {
    const { stdout } = await cli(
      'inspect',
      path.join(dir, 'log.csv'),
      '--json',
      '--label',
      'select',
      '--task',
      'multiclass',
    );
    const out = JSON.parse(stdout) as { task: string; columns: { name: string; role: string }[] };
    expect(out.task).toBe('multiclass');
    expect(out.columns.find((c) => c.name === 'select')?.role).toBe('label');
    expect(out.columns.find((c) => c.name === 'label')?.role).toBe('feature');
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await cli('inspect', path.join(dir, 'log.csv'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/log\.csv: 50 rows, 5 columns, csv/);
    expect(stdout).toMatch(/task: binary/);
    expect(stdout).toMatch(
      /p\(fraud\)\s+DOUBLE\s+numeric\s+score .*values in \[0, 1\], named 'p\(fraud\)'/,
    );
  });

  const bad: [string, string[], RegExp][] = [
    ['an empty file', ['empty.csv'], /^faultline: .*empty\.csv: the file is empty \(0 bytes\)\n$/],
    [
      'a ragged row',
      ['ragged.csv'],
      /^faultline: .*ragged\.csv: line 3 has 1 fields, the header has 2\n$/,
    ],
    ['a missing file', ['missing.csv'], /^faultline: .*missing\.csv: cannot read \(ENOENT\)\n$/],
    ['an unknown column', ['log.csv', '--label', 'nope'], /^faultline: no column named "nope"/],
    [
      'a bad task',
      ['log.csv', '--task', 'ranking'],
      /^faultline: --task ranking: expected binary, multiclass, regression\n$/,
    ],
    ['an unknown flag', ['log.csv', '--bogus'], /^faultline: Unknown option '--bogus'/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line for ${what}`, async () => {
      const [file, ...rest] = args;
      const { code, stdout, stderr } = await cli('inspect', path.join(dir, file ?? ''), ...rest);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('exits 2 for an unknown command and when given no file', async () => {
    expect((await cli('bogus')).code).toBe(2);
    const none = await cli('inspect');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/inspect takes one FILE/);
  });
});
