// `faultline fixtures` and `faultline check` on hand-made logs (counts worked out in
// test-support/fixture-logs.ts), and every way they refuse, through the real CLI (exit 2).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../shared/engine/duckdb.node.ts';
import type { GuardCheck } from '../shared/fixtures/check.ts';
import type { FixtureManifest } from '../shared/fixtures/manifest.ts';
import { FIXTURE_LOG } from '../test-support/fixture-logs.ts';
import { cliRun as cli } from '../test-support/run-cli.ts';
import { checkCommand } from './commands/check.ts';
import { fixturesCommand } from './commands/fixtures.ts';

const engine = createNodeEngine();
const dir = mkdtempSync(path.join(tmpdir(), 'faultline-check-'));
const at = (...parts: string[]) => path.join(dir, ...parts);
const logFile = at('log.csv');
beforeAll(() => {
  writeFileSync(logFile, FIXTURE_LOG);
});
afterAll(async () => {
  await (await engine).close();
});

const fixtures = (...argv: string[]) => fixturesCommand(() => engine, argv);
async function check(...argv: string[]) {
  const out = await checkCommand(() => engine, argv);
  return { ...out, result: out.json as { passed: boolean; fixtures: GuardCheck[] } };
}
const manifestOf = (folder: string) =>
  JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as FixtureManifest;
const guards = (r: Awaited<ReturnType<typeof check>>) =>
  r.result.fixtures.map((g) => [g.name, g.guard, g.k, g.n, g.passed]);

describe('fixtures of hand-picked rows and of confident errors', () => {
  it('--ids: those rows, checked against the log overall (3/5, 3/5, 6/10)', async () => {
    const out = at('picked');
    await fixtures('--log', logFile, '--ids', 'a09,a01', '--out', out);
    expect(manifestOf(out).created_from).toMatchObject({ kind: 'rows', ids: ['a09', 'a01'] });
    const r = await check(out, '--log', logFile);
    expect(r.exitCode).toBe(0);
    expect(guards(r)).toEqual([
      ['picked', 'recall', 2, 2, true],
      ['picked', 'precision', 2, 2, true],
      ['picked', 'accuracy', 2, 2, true],
      ['picked', 'coverage', 2, 2, true],
    ]);
    expect(r.result.fixtures.map((g) => g.expected)).toEqual([3 / 5, 3 / 5, 6 / 10, 1]);
  });

  it('--confident-errors N: the N most confident, wrong again in the same log (exit 1)', async () => {
    const out = at('confident');
    await fixtures('--log', logFile, '--confident-errors', '2', '--out', out);
    const rows = readFileSync(path.join(out, 'rows.jsonl'), 'utf8').trimEnd().split('\n');
    expect(rows.map((l) => (JSON.parse(l) as { txn_id: string }).txn_id)).toEqual(['a02', 'a07']);
    const r = await check(out, '--log', logFile);
    expect(r.exitCode).toBe(1);
    expect(guards(r)).toEqual([
      ['confident', 'confident_wrong', 2, 2, false],
      ['confident', 'coverage', 2, 2, true],
    ]);
    expect(r.text).toContain(
      '  - confident: confident_wrong is 2 (2 of 2 rows confidently wrong); the fixture expects at most 0',
    );
  });

  it('a bare --confident-errors takes the default count (every one of the 4 here)', async () => {
    const out = at('all-errors');
    const written = await fixtures('--log', logFile, '--confident-errors', '--out', out);
    expect((written.json as { manifest: FixtureManifest }).manifest.rows).toBe(4);
  });

  it('checks each fixture of a folder of fixtures', async () => {
    const set = at('set');
    mkdirSync(set);
    cpSync(at('picked'), path.join(set, 'picked'), { recursive: true });
    cpSync(at('confident'), path.join(set, 'confident'), { recursive: true });
    const r = await check(set, '--log', logFile);
    expect(r.exitCode).toBe(1);
    expect([...new Set(r.result.fixtures.map((g) => g.name))]).toEqual(['confident', 'picked']);
    expect(r.text.split('\n')[0]).toBe(
      `check 2 fixtures against ${logFile}: FAILED: 1 of 6 guards failed`,
    );
  });
});

describe('odd column names (spaces, quotes, unicode, SQL keywords)', () => {
  // The slice "région" = 'Île' AND "group" = 1 is k1..k3: positives k1 k3, predicted k1 (right):
  // recall 1/2, precision 1/1, accuracy 2/3.
  const odd = `"the ""id""",is fraud?,p(fraud),from,région,group
k1,1,0.875,1,Île,1
k2,0,0.25,0,Île,1
k3,1,0.25,0,Île,1
k4,0,0.75,1,Île,2
k5,1,0.875,1,Côte,1
`;
  const roles = ['--id', 'the "id"', '--label', 'is fraud?', '--prediction', 'from'];

  it('keeps the names exact in the manifest and the rows, and checks by them', async () => {
    const file = at('odd.csv');
    writeFileSync(file, odd);
    const out = at('odd');
    const where = `"région" = 'Île' AND "group" = 1`;
    await fixtures('--log', file, '--reference', file, '--where', where, '--out', out, ...roles);
    const manifest = manifestOf(out);
    expect(manifest.columns).toEqual({
      id: 'the "id"',
      label: 'is fraud?',
      score: 'p(fraud)',
      prediction: 'from',
      positive: '1',
    });
    expect(manifest.created_from.predicates).toEqual([
      { column: 'région', op: '=', value: 'Île' },
      { column: 'group', op: '=', value: 1 },
    ]);
    expect(manifest.guards.map((g) => g.expected)).toEqual([1 / 2, 1, 2 / 3, 1]);
    const first = JSON.parse(
      readFileSync(path.join(out, 'rows.jsonl'), 'utf8').split('\n')[0] ?? '',
    ) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual([
      'the "id"',
      'is fraud?',
      'p(fraud)',
      'from',
      'région',
      'group',
    ]);
    const r = await check(out, '--log', file, ...roles);
    expect(r.exitCode).toBe(0);
    expect(guards(r).map((g) => g.slice(1))).toEqual([
      ['recall', 1, 2, true],
      ['precision', 1, 1, true],
      ['accuracy', 2, 3, true],
      ['coverage', 3, 3, true],
    ]);
  });
});

describe('refusals (exit 2, one line naming the fault)', () => {
  it('an --out that is an input, or holds one: nothing written, the input untouched', async () => {
    const asFile = await cli('fixtures', '--log', logFile, '--ids', 'a01', '--out', logFile);
    expect(asFile.code).toBe(2);
    expect(asFile.stderr).toBe(
      `faultline: --out ${logFile} is an input file; choose another output path\n`,
    );
    const asFolder = await cli('fixtures', '--log', logFile, '--ids', 'a01', '--out', dir);
    expect(asFolder.code).toBe(2);
    expect(asFolder.stderr).toBe(
      `faultline: --out ${dir} holds the input ${logFile}; choose another output folder\n`,
    );
    expect(readFileSync(logFile, 'utf8')).toBe(FIXTURE_LOG);
  });

  it('a non-empty --out folder', async () => {
    const full = at('full');
    mkdirSync(full);
    writeFileSync(path.join(full, 'notes.txt'), 'mine');
    const r = await cli('fixtures', '--log', logFile, '--ids', 'a01', '--out', full);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `faultline: --out ${full} exists and is not empty; choose a new or empty folder (nothing was written)\n`,
    );
    expect(readFileSync(path.join(full, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('a log without an id column, with the flag to set one', async () => {
    const noId = at('no-id.csv');
    writeFileSync(noId, FIXTURE_LOG.replace('txn_id', 'code'));
    const r = await cli('fixtures', '--log', noId, '--where', "region = 'APAC'", '--out', at('x'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'faultline: fixtures: the log has no id column, and a fixture finds its rows in a new log by id; set --id COL\n',
    );
  });

  it('no rows asked for', async () => {
    const r = await cli('fixtures', '--log', logFile, '--out', at('y'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'say which rows: --where "PREDICATES", --confident-errors [N] or --ids a,b',
    );
  });

  it('a manifest with a bad field, naming the file and the field', async () => {
    const bad = at('bad-manifest');
    cpSync(at('picked'), bad, { recursive: true });
    const manifest = manifestOf(bad);
    writeFileSync(
      path.join(bad, 'manifest.json'),
      JSON.stringify({ ...manifest, guards: [{ ...manifest.guards[0], op: '>>' }] }),
    );
    const r = await cli('check', bad, '--log', logFile);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^faultline: ${path.join(bad, 'manifest.json')}: guards\\[0\\]\\.op: .*\\n$`),
    );
  });

  it('a missing rows file, and a folder with no manifest', async () => {
    const noRows = at('no-rows');
    cpSync(at('picked'), noRows, { recursive: true });
    rmSync(path.join(noRows, 'rows.parquet'));
    const r = await cli('check', noRows, '--log', logFile);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `faultline: ${path.join(noRows, 'rows.parquet')}: no such file (the fixture's rows, named in ${path.join(noRows, 'manifest.json')})\n`,
    );
    const empty = at('empty');
    mkdirSync(empty);
    const none = await cli('check', empty, '--log', logFile);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      `faultline: ${empty}: no manifest.json in it, nor in any folder inside it (write one with faultline fixtures)\n`,
    );
  });
});
