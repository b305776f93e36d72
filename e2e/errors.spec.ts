import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { jobsSettled, openAppOffline, openFiles, screenshot } from './app.ts';

const samples = 'samples/data';
const answerKey = JSON.parse(readFileSync('samples/answer-key.json', 'utf8')) as {
  realized: {
    production: { rows: number; frauds: number; truePositives: number; precision: number };
  };
};
const production = answerKey.realized.production;
// The logged prediction is wrong on the frauds it missed and on the false alarms. The key keeps
// precision rounded to four decimals, which still pins the whole number of predicted positives.
const predictedPositives = Math.round(production.truePositives / production.precision);
const wrong =
  production.frauds - production.truePositives + (predictedPositives - production.truePositives);
const count = (n: number) => n.toLocaleString('en-US');

const grid = (page: Page) => page.getByRole('grid', { name: 'Wrong predictions' });
const headline = (page: Page) =>
  page.getByRole('region', { name: 'Errors summary' }).locator('.errors-headline');
/** The rows rendered now, loaded ones only, in grid order. */
const loadedRows = (page: Page) =>
  grid(page).locator('.errors-grid-body [role="row"]:not(.loading)');

/** A loaded column's values in the rows rendered now, as numbers. */
async function columnNumbers(page: Page, header: string): Promise<number[]> {
  const headers = await grid(page).getByRole('columnheader').allTextContents();
  const at = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === header);
  if (at < 0) throw new Error(`no column ${header} among ${headers.join(', ')}`);
  const cells = await loadedRows(page).evaluateAll(
    (rows, i) => rows.map((r) => r.querySelectorAll('[role="gridcell"]')[i]?.textContent ?? ''),
    at,
  );
  return cells.map((c) => Number(c.replace(/,/g, '')));
}

async function openErrors(page: Page): Promise<void> {
  await openFiles(page, 'reference', [`${samples}/training.parquet`]);
  await openFiles(page, 'current', [`${samples}/production.parquet`]);
  await jobsSettled(page);
  await page.getByRole('tab', { name: /Errors/ }).click();
  await expect(grid(page)).toBeVisible();
  await jobsSettled(page);
}

test.describe('Errors view', () => {
  openAppOffline(test);

  test('lists every wrong prediction, confident first, pages in rows far down, opens a row', async ({
    page,
  }) => {
    await openErrors(page);
    expect(wrong).toBeGreaterThan(0);
    const share = ((wrong / production.rows) * 100).toFixed(1);
    await expect(headline(page)).toHaveText(
      `${count(wrong)} wrong predictions of ${count(production.rows)} rows (${share}%), most confident first`,
    );
    await expect(grid(page)).toHaveAttribute('aria-rowcount', String(wrong + 1));
    const confidence = await columnNumbers(page, 'Confidence');
    expect(confidence.length).toBeGreaterThan(10);
    expect(confidence).toEqual([...confidence].sort((a, b) => b - a));
    await screenshot(page, 'errors');

    // End jumps to the last row: its page loads, and no row is left waiting.
    await grid(page).focus();
    await page.keyboard.press('End');
    const last = grid(page).locator(`[role="row"][aria-rowindex="${wrong + 1}"]`);
    await expect(last).toBeVisible();
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expect(last).not.toHaveClass(/loading/);
    await expect(grid(page).locator('.errors-grid-row.loading')).toHaveCount(0);
    await expect(grid(page)).not.toContainText('…');

    // Home, one row down, Enter: that row's detail opens beside the grid.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    const second = grid(page).locator('[role="row"][aria-rowindex="3"]');
    await expect(second).toHaveAttribute('aria-selected', 'true');
    const rowId = await second.getAttribute('data-row');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('complementary', { name: `Row ${rowId}` });
    await expect(detail).toBeVisible();
    const sentences = detail.getByRole('list', { name: 'What stands out' }).locator('li');
    await expect(sentences.first()).toBeVisible();
    const features = detail.getByRole('table', { name: `Features of row ${rowId}` });
    await expect(features.locator('tbody tr')).toHaveCount(15);
    await expect(features).toContainText('percentile');
    await expect(features.locator('.percentile-gauge').first()).toBeVisible();
    await expect(second).toHaveClass(/opened/);
    await screenshot(page, 'errors-detail');
  });

  test('sorts by a column, and a feature value from a row becomes the cohort', async ({ page }) => {
    await openErrors(page);
    await grid(page).getByRole('button', { name: 'amount', exact: true }).click();
    await expect(grid(page).getByRole('columnheader', { name: /^amount/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(headline(page)).toHaveText(/, by amount, smallest first$/);
    await jobsSettled(page);
    await expect(loadedRows(page).first()).toBeVisible();
    const amounts = await columnNumbers(page, 'amount');
    expect(amounts.length).toBeGreaterThan(10);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));

    // A row's region, filtered to from its detail: every view's cohort, and fewer wrong rows.
    await loadedRows(page).first().click();
    const detail = page.getByRole('complementary', { name: /^Row \d+$/ });
    const filter = detail.getByRole('button', { name: /^Filter to region = / });
    const label = (await filter.getAttribute('aria-label')) ?? '';
    const region = label.replace('Filter to ', '');
    await filter.click();
    await expect(page.getByTestId('active-cohort')).toHaveText(region);
    await jobsSettled(page);
    await expect(headline(page)).toContainText(
      `in the cohort ${region}, by amount, smallest first`,
    );
    const total = Number((await grid(page).getAttribute('aria-rowcount')) ?? 0) - 1;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(wrong);
    await expect(headline(page)).toHaveText(new RegExp(`^${count(total)} wrong predictions of `));

    await page.getByRole('button', { name: 'Show all rows' }).click();
    await expect(grid(page)).toHaveAttribute('aria-rowcount', String(wrong + 1));
  });
});
