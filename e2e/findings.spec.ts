import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { createNodeEngine } from '../shared/engine/duckdb.node.ts';
import { writeReplayLog } from '../test-support/replay-log.node.ts';
import { jobsSettled, openAppOffline, screenshot } from './app.ts';

interface Planted {
  failure: string;
  since?: string;
  cohort?: { column: string; value: string }[];
  segment?: { column: string; value: string }[];
  column?: string;
}
const answerKey = JSON.parse(readFileSync('samples/answer-key.json', 'utf8')) as {
  planted: Planted[];
};
const planted = (failure: string): Planted => {
  const found = answerKey.planted.find((p) => p.failure === failure);
  if (found === undefined) throw new Error(`no planted ${failure} in the answer key`);
  return found;
};
/** Predicates as the findings write them (`AND`), or as the app names a pin (`and`). */
const words = (terms: { column: string; value: string }[] | undefined, and = ' AND ') =>
  (terms ?? []).map((t) => `${t.column} = ${t.value}`).join(and);
const collapse = planted('cohort_collapse');
const collapseWords = words(collapse.cohort);
const collapsePin = words(collapse.cohort, ' and ');
const canaryWords = words(planted('canary_segment').segment);

const out = resolve('e2e/.results/findings');

/** `faultline check DIR --log LOG`: its exit code and what it printed. */
function check(dir: string, log: string): { status: number | null; text: string } {
  const run = spawnSync(process.execPath, ['bin/faultline.js', 'check', dir, '--log', log], {
    encoding: 'utf8',
  });
  return { status: run.status, text: `${run.stdout}${run.stderr}` };
}

/** Saves the download a click starts, and returns its path. */
async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const started = page.waitForEvent('download');
  await click();
  const path = join(out, name);
  await (await started).saveAs(path);
  return path;
}

/** Unzips a downloaded fixture folder under `out`, returning the folder. */
function unzipFixture(zipPath: string): string {
  const files = unzipSync(readFileSync(zipPath));
  let folder = '';
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(out, name);
    folder = join(out, name.split('/')[0] ?? '');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, bytes);
  }
  return folder;
}

/** Exports the fixture of a pinned row set, predicted by `origin`, and unzips it. */
async function exportFixture(page: Page, rows: RegExp, origin: RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Export fixtures…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export fixtures' });
  await dialog.getByRole('radio', { name: rows }).check();
  await dialog.getByRole('radio', { name: origin }).check();
  const name = await dialog.getByRole('textbox', { name: 'Name' }).inputValue();
  const zip = await download(
    page,
    () => dialog.getByRole('button', { name: 'Write fixtures' }).click(),
    `${name}.zip`,
  );
  await expect(dialog.getByTestId('fixture-guards')).toContainText('recall >=');
  await screenshot(page, `fixtures-${name}`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return unzipFixture(zip);
}

test.describe('Findings, the report and the fixtures', () => {
  openAppOffline(test);
  test.beforeAll(() => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
  });

  test('answers from the samples, exports the report and fixtures that catch the failures', async ({
    page,
    context,
  }) => {
    test.setTimeout(240_000);
    await page.getByRole('button', { name: /bundled sample/i }).click();
    // The app lands on Findings and investigates at once.
    await expect(page.getByTestId('findings-status')).toHaveText('FAILING', { timeout: 120_000 });
    await jobsSettled(page);
    const findings = page.getByTestId('finding');
    await expect(findings.first()).toContainText(collapseWords);
    await expect(findings.first()).toContainText(`since ${collapse.since ?? ''}`);
    await expect(page.getByRole('region', { name: 'Is the model still working' })).toContainText(
      collapseWords,
    );
    for (const column of [planted('unit_change').column, planted('missing_rate_jump').column]) {
      await expect(findings.filter({ hasText: column ?? '' }).first()).toBeVisible();
    }
    await expect(findings.filter({ hasText: canaryWords }).first()).toContainText('critical');
    await screenshot(page, 'findings');

    // A finding's evidence is one click away: the Drift view opens on the drifted column.
    const unitChange = planted('unit_change').column ?? '';
    await findings
      .filter({ hasText: `${unitChange} drifted` })
      .getByRole('button', { name: 'Evidence in Drift →' })
      .click();
    await expect(page.getByRole('region', { name: new RegExp(`^${unitChange}`) })).toBeVisible({
      timeout: 60_000,
    });
    await page.getByRole('tab', { name: /Findings/ }).click();

    // Pin the planted slice and the canary's failing segment; note what was done.
    await page.getByRole('button', { name: `Pin ${collapsePin}` }).click();
    await page.getByRole('button', { name: `Pin ${canaryWords}` }).click();
    await expect(page.getByTestId('pinned')).toHaveCount(2);
    await page.getByLabel('Notes').fill('Paged the fraud team; APAC Android malware campaign.');
    await jobsSettled(page);
    await expect(page.getByTestId('pinned').first()).toContainText(
      /recall 0\.\d+ \(reference 0\.6\d+\)/,
    );

    // The report: previewed, then downloaded as one HTML file.
    await page.getByRole('button', { name: 'Export report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await expect(
      dialog.frameLocator('iframe[title="Report preview"]').locator('body'),
    ).toContainText(collapseWords);
    await screenshot(page, 'report-preview');
    const reportPath = await download(
      page,
      () => dialog.getByRole('button', { name: 'Save report' }).click(),
      'report.html',
    );
    await expect(dialog.getByTestId('export-status')).toContainText('Downloaded');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Opened from disk, it needs nothing from any network.
    const reportPage = await context.newPage();
    const requests: string[] = [];
    reportPage.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await reportPage.goto(`file://${reportPath}`);
    await expect(reportPage.locator('body')).toContainText(collapseWords);
    await expect(reportPage.locator('body')).toContainText('Paged the fraud team');
    await expect(reportPage.locator('svg').first()).toBeVisible();
    await reportPage.screenshot({ path: 'e2e/screenshots/report.png', fullPage: true });
    expect(requests).toEqual([]);
    await reportPage.close();

    // Fixtures of the planted slice: production's own predictions repeat the failure.
    const collapseFixture = await exportFixture(
      page,
      new RegExp(`${collapsePin} \\(pinned\\)`),
      /production\.parquet/,
    );
    const production = check(collapseFixture, 'samples/data/production.parquet');
    expect(production.status, production.text).toBe(1);
    expect(production.text).toContain('recall');

    // Fixtures of the canary segment from the baseline model's rows: the baseline passes, a log
    // that repeats the canary's planted failure on the same rows fails.
    const canaryFixture = await exportFixture(
      page,
      new RegExp(`${canaryWords} \\(pinned\\)`),
      /baseline model/,
    );
    const baseline = check(canaryFixture, 'samples/data/canary.parquet');
    expect(baseline.status, baseline.text).toBe(0);
    const engine = await createNodeEngine();
    const replay = join(out, 'canary-replay.parquet');
    try {
      await writeReplayLog(engine, replay);
    } finally {
      await engine.close();
    }
    const repeated = check(canaryFixture, replay);
    expect(repeated.status, repeated.text).toBe(1);
    expect(repeated.text).toContain('recall');
  });
});
