import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { expect, test, type Page } from '@playwright/test';
import { parquet } from '../shared/engine/parquet.node.ts';
import { jobsSettled, openAppOffline, roleOf, screenshot, showView } from './app.ts';

const samples = 'samples/data';
const note = 'Recall fell for one cohort after the rollout.\nAsked the data team about devices.';

const notice = (page: Page) => page.getByTestId('workspace-notice');
const cohortsTable = (page: Page) => page.getByRole('table', { name: /by cohort$/ });

/** production.parquet with its last row dropped, written as `dir/production.parquet`. */
function productionLessOneRow(dir: string): string {
  const pq = parquet();
  const rows = tableFromIPC(
    pq.readParquet(new Uint8Array(readFileSync(`${samples}/production.parquet`))).intoIPCStream(),
  );
  const fewer = rows.slice(0, rows.numRows - 1);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'production.parquet');
  writeFileSync(file, pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(fewer, 'stream'))));
  return file;
}

/** Opens a workspace as a browser user does: the workspace and its data files in one pick. */
async function openWorkspace(page: Page, files: string[]): Promise<void> {
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open workspace…' })).toBeVisible();
  await page.getByTestId('open-workspace-input').setInputFiles(files);
  await jobsSettled(page);
}

test.describe('Workspace', () => {
  openAppOffline(test);

  test('saves the investigation, and reopens it with its files after a reload', async ({
    page,
  }, testInfo) => {
    await page.getByRole('button', { name: /bundled sample/i }).click();
    await jobsSettled(page);

    await showView(page, 'Dataset');
    await roleOf(page, 'current', 'latency_ms').selectOption('feature');
    await jobsSettled(page);
    await expect(roleOf(page, 'current', 'latency_ms')).toHaveValue('feature');

    await showView(page, 'Cohorts');
    await jobsSettled(page);
    const worst = cohortsTable(page).locator('tbody:not(.cohorts-overall) tr').first();
    const cohort = (await worst.getAttribute('data-cohort')) ?? '';
    expect(cohort).not.toBe('');
    await worst.getByRole('button', { name: `Pin ${cohort}` }).click();
    await worst.getByRole('button', { name: `Make ${cohort} the active cohort` }).click();
    await expect(page.getByTestId('active-cohort')).toHaveText(cohort);
    await jobsSettled(page);

    await showView(page, 'Findings');
    await page.locator('#findings-notes').fill(note);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save workspace' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('production.faultline.json');
    const saved = testInfo.outputPath('production.faultline.json');
    await download.saveAs(saved);
    await expect(notice(page)).toContainText(
      'Downloaded the workspace as production.faultline.json',
    );
    const workspace = JSON.parse(readFileSync(saved, 'utf8')) as {
      files: { side: string; name: string; path: string | null }[];
    };
    expect(workspace.files.map((f) => [f.side, f.name, f.path])).toEqual([
      ['reference', 'training.parquet', null],
      ['current', 'production.parquet', null],
      ['log', 'canary.parquet', null],
    ]);

    // canary.parquet is not picked: it comes from the bundled samples beside the app.
    await openWorkspace(page, [
      saved,
      `${samples}/training.parquet`,
      `${samples}/production.parquet`,
    ]);
    await expect(notice(page)).toContainText(
      'Opened production.faultline.json: every input is the file it was saved with.',
    );
    await expect(notice(page)).toContainText('From the bundled sample: canary.parquet');
    await expect(notice(page)).not.toContainText('changed');
    await expect(notice(page)).not.toContainText('missing');
    await expect(page.getByRole('tab', { name: /Findings/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator('#findings-notes')).toHaveValue(note);
    await expect(page.getByTestId('pinned')).toHaveCount(1);
    await expect(page.getByTestId('pinned')).toContainText(cohort);
    await expect(page.getByTestId('active-cohort')).toHaveText(cohort);
    await jobsSettled(page);
    await screenshot(page, 'workspace-reopened');

    await showView(page, 'Dataset');
    await expect(roleOf(page, 'current', 'latency_ms')).toHaveValue('feature');
    await expect(page.getByTestId('dataset-log')).toContainText('13,000');

    const changed = productionLessOneRow(testInfo.outputPath('changed'));
    await openWorkspace(page, [saved, `${samples}/training.parquet`, changed]);
    await expect(notice(page)).toContainText('Opened production.faultline.json.');
    await expect(notice(page)).toContainText(
      /production\.parquet changed since the workspace was saved \(sha256 [0-9a-f]+… → [0-9a-f]+…\): its numbers will differ/,
    );
    await expect(notice(page)).not.toContainText('training.parquet changed');
    await expect(page.locator('#findings-notes')).toHaveValue(note);
    await screenshot(page, 'workspace-changed-input');
    await showView(page, 'Dataset');
    await expect(page.getByTestId('dataset-current')).toContainText('25,999');
    await expect(roleOf(page, 'current', 'latency_ms')).toHaveValue('feature');
  });

  test('Ctrl+S saves the workspace instead of the page', async ({ page }) => {
    await page.getByRole('button', { name: /bundled sample/i }).click();
    await jobsSettled(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Control+s'),
    ]);
    expect(download.suggestedFilename()).toBe('production.faultline.json');
    await expect(notice(page)).toContainText('Downloaded the workspace');
  });
});
