import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { jobsSettled, openAppOffline, openFiles, screenshot } from './app.ts';

const samples = 'samples/data';
const answerKey = JSON.parse(readFileSync('samples/answer-key.json', 'utf8')) as {
  planted: { failure: string; cohort?: { column: string; value: string }[] }[];
};
const collapse = answerKey.planted.find((p) => p.failure === 'cohort_collapse')?.cohort;
if (collapse === undefined) throw new Error('no planted cohort collapse in the answer key');
/** The planted slice in the view's words: "region = APAC and device = android". */
const plantedWords = collapse.map((p) => `${p.column} = ${p.value}`).join(' and ');

const summary = (page: Page) => page.getByRole('region', { name: 'Slices summary' });
const table = (page: Page) => page.getByRole('table', { name: 'Top slices' });
const rows = (page: Page) => table(page).locator('tbody tr');

/** Waits until the scatter is drawn (Plotly loads with the first chart). */
async function chartDrawn(page: Page): Promise<void> {
  await expect(page.locator('.performance-chart .js-plotly-plot .main-svg').first()).toBeVisible();
}

async function openSlices(page: Page): Promise<void> {
  await openFiles(page, 'reference', [`${samples}/training.parquet`]);
  await openFiles(page, 'current', [`${samples}/production.parquet`]);
  await jobsSettled(page);
  await page.getByRole('tab', { name: /Slices/ }).click();
  await jobsSettled(page);
  await expect(summary(page)).toBeVisible();
}

test.describe('Slices view', () => {
  openAppOffline(test);

  test('finds the planted collapse first, broke against the reference, and filters every view to it', async ({
    page,
  }) => {
    await openSlices(page);
    await expect(summary(page)).toContainText(`The model errs most on ${plantedWords}:`);
    await expect(summary(page)).toContainText('— it broke.');
    await expect(summary(page)).toContainText('Searched 26,000 rows of the log');
    const first = rows(page).first();
    await expect(first).toHaveAttribute('data-slice', plantedWords);
    await expect(first.locator('.history-badge')).toHaveText('broke');
    expect(await rows(page).count()).toBeGreaterThanOrEqual(5);
    await expect(page.locator('.slices-levels')).toContainText('level 3:');
    await chartDrawn(page);
    await expect(page.locator('.performance-chart .plotly-chart-description')).toContainText(
      `1: ${plantedWords},`,
    );
    await expect(
      page.locator('.performance-chart .legend .legendtext').filter({ hasText: 'broke' }),
    ).toHaveCount(1);
    await screenshot(page, 'slices');

    await first.getByRole('button', { name: `Make ${plantedWords} the active cohort` }).click();
    await expect(page.getByTestId('active-cohort')).toHaveText(plantedWords);
    // The list stays the search over every row, with the pick marked.
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(first.locator('.active-mark')).toHaveText('active cohort');
    await jobsSettled(page);
    await expect(rows(page).first()).toHaveAttribute('data-slice', plantedWords);
    await screenshot(page, 'slices-picked');

    await page.getByRole('tab', { name: /Errors/ }).click();
    await jobsSettled(page);
    await expect(
      page.getByRole('region', { name: 'Errors summary' }).locator('.errors-headline'),
    ).toContainText(`in the cohort ${plantedWords}`);

    await page.getByRole('tab', { name: /Slices/ }).click();
    await expect(rows(page).first()).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Show all rows' }).click();
    await expect(rows(page).first()).toHaveAttribute('aria-selected', 'false');
  });

  test('a row picked with the keyboard or a point sets the cohort; one week is searched alone', async ({
    page,
  }) => {
    await openSlices(page);
    await chartDrawn(page);
    const second = rows(page).nth(1);
    const secondWords = (await second.getAttribute('data-slice')) ?? '';
    await rows(page).first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('active-cohort')).toHaveText(secondWords);
    await expect(second).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('active-cohort')).toHaveText(plantedWords);

    // A point of the scatter: its slice becomes the cohort, and its row is marked.
    await page.locator('.performance-chart .scatterlayer .point').last().click({ force: true });
    await expect(page.getByTestId('active-cohort')).not.toHaveText(plantedWords);
    await expect(table(page).locator('tr[aria-selected="true"]')).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute('aria-selected', 'false');

    await page.getByRole('button', { name: 'Show all rows' }).click();
    await page.getByLabel('Rows of').selectOption({ label: 'week of 2026-10-19' });
    await jobsSettled(page);
    await expect(page.getByText(/Searching in the week of 2026-10-19/)).toBeVisible();
    await expect(summary(page)).toContainText('The model errs most on');
    await expect(table(page).locator('.history-badge').first()).toBeVisible();
    await screenshot(page, 'slices-week');
  });
});
