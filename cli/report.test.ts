import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { markupProblems } from '../shared/report/markup-check.test-support.ts';
import type { ReportModel, ReportSection } from '../shared/report/report-model.ts';
import { cliRun as cli } from '../test-support/run-cli.ts';
import { plantedFailure, realizedCounts, samplePath } from '../test-support/samples.ts';

const training = samplePath('data/training.parquet');
const production = samplePath('data/production.parquet');
const canaryLog = samplePath('data/canary.parquet');
const canaryArgs = [
  '--model',
  'model_version',
  '--baseline-version',
  'v1',
  '--canary-version',
  'v2',
];

function shown<T>(section: ReportSection<T> | null): T {
  if (section === null || !section.shown) throw new Error('the section was not shown');
  return section;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const json = <T>(run: { code: number; stdout: string; stderr: string }): T => {
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as T;
};

interface DriftJson {
  columns: { name: string; psi: number | null; band: string | null; since?: string | null }[];
}
interface PerformanceJson {
  overall: { n: number; metrics: { recall: number | null; auc: number | null } };
}
interface CalibrationJson {
  ece: number | null;
  mce: number | null;
  reference?: { ece: number | null };
}
interface CanaryJson {
  verdict: string;
  score: number | null;
  failing: string[];
}

describe('faultline report on the bundled samples: the numbers of the other commands', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-report-'));
  const out = path.join(dir, 'postmortem.json');
  let run: Awaited<ReturnType<typeof cli>>;
  let model: ReportModel;
  beforeAll(async () => {
    run = await cli(
      'report',
      ...['--reference', training, '--current', production, '--log', canaryLog, ...canaryArgs],
      ...['--out', out],
    );
    model = JSON.parse(readFileSync(out, 'utf8')) as ReportModel;
  }, 120_000);

  it('writes the JSON report and prints its path', () => {
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `${out}\n`, '']);
    expect(model.kind).toBe('faultline_report');
  });

  it('has the PSI, band and onset of every drifted column that faultline drift gives', async () => {
    const drift = shown(model.drift);
    const unit = drift.window?.unit ?? 'week';
    const cliDrift = json<DriftJson>(
      await cli(
        'drift',
        '--reference',
        training,
        '--current',
        production,
        '--window',
        unit,
        '--json',
      ),
    );
    expect(drift.columns.filter((c) => c.drifted).length).toBeGreaterThan(1);
    for (const row of drift.columns) {
      const expected = cliDrift.columns.find((c) => c.name === row.name);
      expect({ name: row.name, psi: row.psi, band: row.band, since: row.since }).toEqual({
        name: expected?.name,
        psi: expected?.psi,
        band: expected?.band,
        since: expected?.since,
      });
    }
    for (const other of drift.other_columns) {
      expect(other.psi).toBe(cliDrift.columns.find((c) => c.name === other.name)?.psi);
    }
    // Independently: the generator planted the unit change from this week on.
    const amount = drift.columns.find((c) => c.name === plantedFailure('unit_change').column);
    expect(amount?.since).toBe(plantedFailure('unit_change').since);
  }, 60_000);

  it('has the overall recall and AUC of faultline performance', async () => {
    const cliPerformance = json<PerformanceJson>(
      await cli('performance', '--log', production, '--reference', training, '--json'),
    );
    const overall = shown(model.performance).overall;
    expect(overall.n).toBe(cliPerformance.overall.n);
    expect('recall' in overall.metrics && overall.metrics.recall).toBe(
      cliPerformance.overall.metrics.recall,
    );
    expect('auc' in overall.metrics && overall.metrics.auc).toBe(
      cliPerformance.overall.metrics.auc,
    );
  }, 60_000);

  it('has the ECE and MCE of faultline calibration, the reference beside them', async () => {
    const cliCalibration = json<CalibrationJson>(
      await cli('calibration', '--log', production, '--reference', training, '--json'),
    );
    const calibration = shown(model.calibration);
    expect([calibration.ece, calibration.mce, calibration.reference?.ece]).toEqual([
      cliCalibration.ece,
      cliCalibration.mce,
      cliCalibration.reference?.ece,
    ]);
  }, 60_000);

  it("has faultline canary's verdict, score and failing checks", async () => {
    const cliCanary = json<CanaryJson>(
      await cli('canary', '--log', canaryLog, ...canaryArgs, '--json'),
    );
    const canary = shown(model.canary);
    expect([canary.verdict, canary.score, canary.failing]).toEqual([
      cliCanary.verdict,
      cliCanary.score,
      cliCanary.failing,
    ]);
  }, 60_000);

  it('names each input file with its rows and SHA-256', () => {
    expect(model.inputs.map((i) => [i.role, i.path, i.rows, i.sha256])).toEqual([
      ['reference', training, realizedCounts('training').rows, sha256(training)],
      ['current', production, realizedCounts('production').rows, sha256(production)],
      ['canary log', canaryLog, realizedCounts('canary').rows, sha256(canaryLog)],
    ]);
    expect(model.parameters).toMatchObject({ window: 'auto', where: null, threshold: null });
  });
});

const HOSTILE = '<script>alert(1)</script>';
const PIPE = 'a|b';

/** A small log (and its reference) with hostile column names and values; recall drops late. */
function writeHostileLogs(dir: string): { reference: string; current: string; json: string } {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const rows = (start: number, n: number, late: boolean) =>
    Array.from({ length: n }, (_, i) => {
      const day = Math.floor((i / n) * 28);
      const group = ['x', '<b>y</b>', 'q"z'][i % 3] ?? 'x';
      const label = random() < 0.2 ? 1 : 0;
      const broken = late && day >= 14 && group === 'x';
      const score = label === 1 && !broken ? 0.55 + random() * 0.45 : random() * 0.45;
      return {
        id: `r${start + i}`,
        ts: new Date(Date.UTC(2026, 8, 1 + day, i % 24)).toISOString().slice(0, 19),
        [HOSTILE]: group,
        [PIPE]: Number((random() * 100 * (late && day >= 14 ? 3 : 1)).toFixed(2)),
        label,
        score: Number(score.toFixed(4)),
        predicted: score >= 0.5 ? 1 : 0,
      };
    });
  const csv = (records: Record<string, string | number>[]) =>
    [
      Object.keys(records[0] ?? {}).join(','),
      ...records.map((r) =>
        Object.values(r)
          .map((v) => (typeof v === 'string' ? `"${v.replaceAll('"', '""')}"` : String(v)))
          .join(','),
      ),
    ].join('\n') + '\n';
  const current = rows(1000, 900, true);
  const files = {
    reference: path.join(dir, 'reference.csv'),
    current: path.join(dir, 'current.csv'),
    json: path.join(dir, 'current.json'),
  };
  writeFileSync(files.reference, csv(rows(0, 600, false)));
  writeFileSync(files.current, csv(current));
  writeFileSync(files.json, JSON.stringify(current));
  return files;
}

const roles = [
  '--label',
  'label',
  '--score',
  'score',
  '--prediction',
  'predicted',
  '--time',
  'ts',
  '--id',
  'id',
];

describe('faultline report on a log whose column names hold markup and pipes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-report-hostile-'));
  const logs = writeHostileLogs(dir);
  const notes = path.join(dir, 'notes.txt');
  writeFileSync(notes, 'Seen first by <i>support</i> | on call\n# not a heading\n');
  const report = (out: string, ...argv: string[]) =>
    cli(
      'report',
      '--reference',
      logs.reference,
      '--current',
      logs.current,
      ...roles,
      '--out',
      out,
      ...argv,
    );

  it('writes Markdown and its charts beside it, and --json prints {written, summary}', async () => {
    const out = path.join(dir, 'report.md');
    const run = await report(out, '--notes', notes, '--pin', `"${HOSTILE}" = 'x'`, '--json');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const printed = JSON.parse(run.stdout) as { written: string[]; summary: { status: string } };
    expect(printed.written[0]).toBe(out);
    expect(printed.summary.status).toMatch(/^(failing|degraded|watch|healthy)$/);
    const assets = printed.written.slice(1);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(path.dirname(asset)).toBe(path.join(dir, 'report-files'));
      const svg = readFileSync(asset, 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(true);
      expect(markupProblems(svg, { html: false })).toEqual([]);
    }
    const html = marked.parse(readFileSync(out, 'utf8'), { async: false });
    const images = [...html.matchAll(/<img src="([^"]*)"/g)].map((m) => m[1]);
    expect(images).toEqual(assets.map((a) => `report-files/${path.basename(a)}`));
    expect(html).not.toMatch(/<script|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Seen first by &lt;i&gt;support&lt;/i&gt; | on call<br># not a heading');
    expect(html).toContain(
      '<td>&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; = &#39;x&#39;</td>',
    );
    expect(html.match(/<table>/g)?.length).toBeGreaterThanOrEqual(8);
  }, 60_000);

  it('writes one HTML file with nothing external and every name escaped', async () => {
    const out = path.join(dir, 'report.html');
    const run = await report(out, '--title', `Postmortem of ${HOSTILE}`);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `${out}\n`, '']);
    const page = readFileSync(out, 'utf8');
    for (const leak of [/https?:/i, /\/\//, /\bsrc\s*=/i, /url\s*\(/i, /@import/i, /<script/i]) {
      expect(page).not.toMatch(leak);
    }
    for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^#/);
    expect(page).toContain('<title>Postmortem of &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(page).toContain('a|b');
    expect(markupProblems(page, { html: true })).toEqual([]);
  }, 60_000);
});

describe('faultline report refuses', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-report-refuse-'));
  const logs = writeHostileLogs(dir);
  const before = () => ({ files: readdirSync(dir).sort(), current: sha256(logs.current) });
  const expectUntouched = (snapshot: ReturnType<typeof before>) =>
    expect(before()).toEqual(snapshot);

  it('an --out that names an input: exit 2, one line, before reading anything', async () => {
    const snapshot = { ...before(), json: sha256(logs.json) };
    const run = await cli('report', '--current', logs.json, '--out', logs.json);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `faultline: ${logs.json} is an input file; choose another output path\n`,
    );
    expect({ ...before(), json: sha256(logs.json) }).toEqual(snapshot);
  });

  it('an input the writer finds behind a glob: exit 2, one line, nothing written', async () => {
    const snapshot = { ...before(), json: sha256(logs.json) };
    // The log is given as a glob, so only the writer, which sees the files read, can tell.
    const run = await cli(
      'report',
      ...[
        '--reference',
        logs.reference,
        '--current',
        path.join(path.dirname(logs.json), 'cur*.json'),
      ],
      ...[...roles, '--out', logs.json],
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `faultline: ${logs.json} is an input file; choose another output path\n`,
    );
    expect({ ...before(), json: sha256(logs.json) }).toEqual(snapshot);
  }, 60_000);

  it('a format it does not write: exit 2 naming the ones it does', async () => {
    const snapshot = before();
    const run = await cli('report', '--current', logs.current, '--out', path.join(dir, 'r.pdf'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^faultline: --out .*r\.pdf: the format comes from the extension: \.html, \.md or \.json, not '\.pdf'\n$/,
    );
    expectUntouched(snapshot);
  });

  it('--only with a section it does not know: exit 2 naming the sections', async () => {
    const run = await cli(
      'report',
      '--current',
      '/nonexistent/c.csv',
      '--out',
      path.join(dir, 'r.json'),
      '--only',
      'drift,speed',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "faultline: --only must be drift, performance, cohorts, calibration, slices, errors, canary, not 'speed'\n",
    );
  });

  it('a missing --out or --current, before reading anything', async () => {
    const noOut = await cli('report', '--current', '/nonexistent/c.csv');
    expect(noOut.stderr).toMatch(/^faultline: report: missing --out; usage: faultline report /);
    const noCurrent = await cli('report', '--out', path.join(dir, 'r.html'));
    expect(noCurrent.stderr).toMatch(/^faultline: report: missing --current; usage:/);
    expect([noOut.code, noCurrent.code]).toEqual([2, 2]);
  });
});
