import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { jobsSettled, openAppOffline, openFiles, roleOf, screenshot } from './app.ts';

const samples = 'samples/data';
const answerKey = JSON.parse(readFileSync('samples/answer-key.json', 'utf8')) as {
  planted: {
    failure: string;
    cohort?: { column: string; op: string; value: string }[];
    since?: string;
    metric?: string;
  }[];
};
const collapse = answerKey.planted.find((p) => p.failure === 'cohort_collapse');
if (collapse?.cohort === undefined || collapse.since === undefined) {
  throw new Error('no planted cohort collapse in the answer key');
}
/** The planted cohort's first column and value (region = APAC), and its onset week. */
const plantedCohort = collapse.cohort;
const [planted, plantedSecond] = plantedCohort;
const since = collapse.since;
if (planted === undefined) throw new Error('the planted cohort has no predicate');
const plantedWords = `${planted.column} = ${planted.value}`;
/** The whole planted cohort in words: "region = APAC and device = android". */
const cohortWords = plantedCohort.map((p) => `${p.column} = ${p.value}`).join(' and ');

const cohortsTable = (page: Page) => page.getByRole('table', { name: /by cohort$/ });

/** Waits until a view's chart is drawn (Plotly loads with the first chart). */
async function chartDrawn(page: Page): Promise<void> {
  await expect(page.locator('.performance-chart .js-plotly-plot .main-svg').first()).toBeVisible();
}

async function openCohorts(page: Page): Promise<void> {
  await openFiles(page, 'reference', [`${samples}/training.parquet`]);
  await openFiles(page, 'current', [`${samples}/production.parquet`]);
  await jobsSettled(page);
  await page.getByRole('tab', { name: /Cohorts/ }).click();
  await expect(cohortsTable(page)).toBeVisible();
  await jobsSettled(page);
}

const timelineSummary = (page: Page) => page.getByRole('region', { name: 'Timeline summary' });

/** The Timeline says in words and marks on the chart since when the planted cohort dropped. */
async function expectPlantedDrop(page: Page): Promise<void> {
  const summary = timelineSummary(page);
  await expect(summary).toContainText(`Recall for ${plantedWords} dropped from`);
  await expect(summary).toContainText(`since the week of ${since}`);
  await chartDrawn(page);
  await expect(
    page.locator('.performance-chart .annotation-text', { hasText: `since ${since}` }),
  ).toBeVisible();
}

test.describe('Cohorts and Timeline views', () => {
  openAppOffline(test);

  test('finds the planted cohort: worst recall, a significant drop, since the planted week', async ({
    page,
  }) => {
    await openCohorts(page);
    await expect(page.getByLabel('Cohorts by')).toHaveValue(planted.column);
    const summary = page.getByRole('region', { name: 'Cohorts summary' });
    await expect(summary).toContainText(`Recall is worst for ${plantedWords}:`);
    await expect(summary).toContainText(`since the week of ${since}`);
    const rows = cohortsTable(page).locator('tbody:not(.cohorts-overall) tr');
    await expect(rows.first()).toHaveAttribute('data-cohort', plantedWords);
    await expect(rows.first()).toHaveClass(/cohort-drop/);
    await expect(rows.first()).toContainText('significant drop');
    await expect(rows.first()).toContainText(since);
    await chartDrawn(page);
    await screenshot(page, 'cohorts-view-samples');
  });

  test("a row's Filter button sets the cohort, and the timeline marks since when", async ({
    page,
  }) => {
    await openCohorts(page);
    const row = cohortsTable(page).locator(`tr[data-cohort="${plantedWords}"]`);
    await row.getByRole('button', { name: `Make ${plantedWords} the active cohort` }).click();
    await expect(page.getByTestId('active-cohort')).toHaveText(plantedWords);
    await jobsSettled(page);
    await expect(page.getByText(/Within the cohort/)).toBeVisible();

    await page.getByRole('tab', { name: /Timeline/ }).click();
    await jobsSettled(page);
    await expectPlantedDrop(page);
    await screenshot(page, 'timeline-view-cohort');
  });

  test('sorts by a header and moves through the rows with the keyboard', async ({ page }) => {
    await openCohorts(page);
    const table = cohortsTable(page);
    const rows = table.locator('tbody:not(.cohorts-overall) tr');
    const ns = () =>
      rows.evaluateAll((trs) =>
        trs.map((tr) => Number(tr.querySelectorAll('td')[0]?.textContent?.replace(/,/g, ''))),
      );
    await table.getByRole('button', { name: 'n', exact: true }).click();
    await expect(table.getByRole('columnheader', { name: /^n/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const descending = await ns();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await table.getByRole('button', { name: 'n', exact: true }).click();
    const ascending = await ns();
    expect(ascending).toEqual([...descending].reverse());

    await table.getByRole('button', { name: /^Status/ }).click();
    await expect(rows.first()).toHaveAttribute('data-cohort', plantedWords);
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('End');
    await expect(rows.last()).toBeFocused();
    // The Filter button is reachable from the row with Tab, and works with Enter.
    await page.keyboard.press('Tab');
    await expect(
      rows.last().getByRole('button', { name: /^Make .* the active cohort$/ }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('active-cohort')).toHaveText(
      (await rows.last().getAttribute('data-cohort')) ?? '',
    );
  });

  test('two columns: a grid whose worst cell is the planted cohort', async ({ page }) => {
    await openCohorts(page);
    if (plantedSecond === undefined) throw new Error('the planted cohort has one column');
    await page.getByLabel('and by').selectOption(plantedSecond.column);
    await jobsSettled(page);
    const summary = page.getByRole('region', { name: 'Cohorts summary' });
    await expect(summary).toContainText(`Recall is worst for ${cohortWords}:`);
    await expect(summary).toContainText(`since the week of ${since}`);
    await expect(
      cohortsTable(page).locator('tbody:not(.cohorts-overall) tr').first(),
    ).toHaveAttribute('data-cohort', cohortWords);
    await chartDrawn(page);
    await expect(page.locator('.performance-chart .heatmaplayer')).toHaveCount(1);
    await expect(page.locator('.performance-chart .plotly-chart-description')).toContainText(
      `Significantly worse (outlined): ${cohortWords},`,
    );
    await screenshot(page, 'cohorts-view-grid');
  });

  test('a clicked bar becomes the cohort', async ({ page }) => {
    await openCohorts(page);
    await chartDrawn(page);
    // The bars come in the table's order, most degraded first.
    const bars = page.locator('.performance-chart .trace.bars .point');
    await bars.first().click({ force: true });
    await expect(page.getByTestId('active-cohort')).toHaveText(plantedWords);
  });

  test('the timeline shows the most degraded cohort beside all rows, by day with few labels said', async ({
    page,
  }) => {
    await openCohorts(page);
    await page.getByRole('tab', { name: /Timeline/ }).click();
    await expect(page.getByLabel('Show')).toHaveValue(JSON.stringify([planted.value]));
    await expectPlantedDrop(page);
    await screenshot(page, 'timeline-view-samples');

    await page.getByRole('combobox', { name: 'Window' }).selectOption('day');
    await jobsSettled(page);
    const summary = timelineSummary(page);
    await expect(summary).toContainText('Too small to judge in');
    await expect(summary).toContainText('drawn hollow, not as zeros');
    await page.getByText('Windows as numbers').click();
    await expect(
      page.getByRole('table', { name: `Recall of ${plantedWords} per window` }),
    ).toContainText('too small to judge');
    await chartDrawn(page);
    await screenshot(page, 'timeline-view-days');
  });

  test('a lone log is judged against the rest of itself, and says which role it lacks', async ({
    page,
  }) => {
    await openFiles(page, 'log', [`${samples}/production.parquet`]);
    await jobsSettled(page);
    await page.getByRole('tab', { name: /Cohorts/ }).click();
    await jobsSettled(page);
    const summary = page.getByRole('region', { name: 'Cohorts summary' });
    await expect(summary).toContainText(`Recall is worst for ${plantedWords}:`);
    await expect(summary).toContainText('in the rest of the log');
    await expect(
      cohortsTable(page).getByRole('columnheader', { name: 'Rest of log' }),
    ).toBeVisible();
    await chartDrawn(page);
    await screenshot(page, 'cohorts-view-lone-log');

    await page.getByRole('tab', { name: /Dataset/ }).click();
    await roleOf(page, 'log', 'predicted_fraud').selectOption('feature');
    await jobsSettled(page);
    await roleOf(page, 'log', 'fraud_score').selectOption('feature');
    await jobsSettled(page);
    await page.getByRole('tab', { name: /Cohorts/ }).click();
    await expect(page.getByRole('status')).toContainText(
      'The log (production.parquet) has no prediction or score column',
    );
    await expect(cohortsTable(page)).toHaveCount(0);
    await screenshot(page, 'cohorts-view-missing-role');
  });
});
