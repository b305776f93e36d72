import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { jobsSettled, openAppOffline, openFiles, screenshot } from './app.ts';

const samples = 'samples/data';
const answerKey = JSON.parse(readFileSync('samples/answer-key.json', 'utf8')) as {
  planted: {
    failure: string;
    dataset?: string;
    column?: string;
    expected?: { binsAbove?: number; observedBelowScore?: boolean };
  }[];
};
const miscalibration = answerKey.planted.find((p) => p.failure === 'miscalibration');
const binsAbove = miscalibration?.expected?.binsAbove;
if (miscalibration?.column === undefined || binsAbove === undefined) {
  throw new Error('no planted miscalibration in the answer key');
}
if (miscalibration.expected?.observedBelowScore !== true) {
  throw new Error('the planted miscalibration should be over-confident');
}
/** The planted score column (fraud_score), over-confident in its top bins 0.7 to 0.9. */
const score = miscalibration.column;
/** The bins the answer key plants the gap in: from binsAbove up to 0.9. */
const plantedTop = 0.9;

const binsTable = (page: Page) => page.getByRole('table', { name: 'Reliability bins of the log' });
const numbers = (page: Page) => page.getByRole('table', { name: 'Calibration numbers' });
const summary = (page: Page) => page.getByRole('region', { name: 'Calibration summary' });

/** A bin's ends from its range text, "(0.7, 0.8]" → [0.7, 0.8]. */
function binEnds(range: string): [number, number] {
  const [lo, hi] = range
    .replace(/[[\]()]/g, '')
    .split(',')
    .map(Number);
  return [lo ?? NaN, hi ?? NaN];
}

/** A measure of one side in the numbers table, as a number. */
async function measure(page: Page, key: string, side: 'log' | 'reference'): Promise<number> {
  const text = await numbers(page)
    .locator(`tr[data-measure="${key}"] td[data-side="${side}"]`)
    .textContent();
  return Number(text?.replace(/,/g, ''));
}

/** Waits until the reliability diagram is drawn (Plotly loads with the first chart). */
async function chartDrawn(page: Page): Promise<void> {
  await expect(page.locator('.performance-chart .js-plotly-plot .main-svg').first()).toBeVisible();
}

async function openCalibration(page: Page): Promise<void> {
  await openFiles(page, 'reference', [`${samples}/training.parquet`]);
  await openFiles(page, 'current', [`${samples}/production.parquet`]);
  await jobsSettled(page);
  await page.getByRole('tab', { name: /Calibration/ }).click();
  await jobsSettled(page);
  await expect(summary(page)).toBeVisible();
}

test.describe('Calibration view', () => {
  openAppOffline(test);

  test('shows the planted over-confidence in the top bins, and a calibrated reference', async ({
    page,
  }) => {
    await openCalibration(page);
    await expect(summary(page)).toContainText(
      'the observed fraud rate is below the score beyond its 95% interval',
    );
    await expect(summary(page)).toContainText('Over-confident above');
    await expect(summary(page)).toContainText(
      "In the reference, every bin's 95% interval holds its mean score.",
    );

    const rows = binsTable(page).locator('tbody tr');
    const ranges = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-bin')));
    const planted = ranges.filter((r): r is string => {
      if (r === null) return false;
      const [lo, hi] = binEnds(r);
      return lo >= binsAbove - 1e-9 && hi <= plantedTop + 1e-9;
    });
    expect(planted.length).toBeGreaterThanOrEqual(2);
    for (const range of planted) {
      const row = binsTable(page).locator(`tr[data-bin="${range}"]`);
      await expect(row).toHaveClass(/bin-off/);
      await expect(row).toContainText('over-confident');
    }

    const referenceEce = await measure(page, 'ece', 'reference');
    const logEce = await measure(page, 'ece', 'log');
    expect(referenceEce).toBeLessThan(0.01);
    expect(logEce).toBeGreaterThan(referenceEce);
    await expect(numbers(page).locator('tr[data-measure="n"]')).toContainText('26,000');
    await expect(numbers(page).locator('tr[data-measure="n"]')).toContainText('13,000');

    await chartDrawn(page);
    await expect(page.locator('.performance-chart .plotly-chart-description')).toContainText(
      `Reliability diagram of ${score}`,
    );
    const legend = page.locator('.performance-chart .legend .legendtext');
    for (const entry of ['perfect calibration', 'the log', 'the reference', 'positives']) {
      await expect(legend.filter({ hasText: entry })).toHaveCount(1);
    }
    // The histogram's positives and negatives, stacked.
    await expect(page.locator('.performance-chart .barlayer .trace')).toHaveCount(2);
    await screenshot(page, 'calibration');
  });

  test('equal-mass bins, a curve per region, and a Filter that sets the cohort', async ({
    page,
  }) => {
    await openCalibration(page);
    await page.getByLabel('Binning').selectOption('quantile');
    await jobsSettled(page);
    await expect(page.locator('.performance-chart figcaption')).toContainText('10 equal-mass bins');
    await expect(numbers(page).locator('tr[data-measure="n"]')).toContainText('26,000');

    await page.getByLabel('Cohorts by').selectOption('region');
    await jobsSettled(page);
    const cohorts = page.getByRole('table', { name: 'Calibration by region' });
    const rows = cohorts.locator('tbody tr');
    await expect(rows).toHaveCount(4);
    await expect(summary(page)).toContainText('By region: ECE is worst for region =');
    await chartDrawn(page);
    // One line per region, each named with its ECE in the legend.
    await expect(
      page.locator('.performance-chart .legend .legendtext').filter({ hasText: '(ECE ' }),
    ).toHaveCount(4);
    await screenshot(page, 'calibration-cohorts');

    // The worst cohort's Filter button, reached and pressed with the keyboard.
    const worst = (await rows.first().getAttribute('data-cohort')) ?? '';
    expect(worst).toMatch(/^region = /);
    const filter = rows.first().getByRole('button', { name: `Make ${worst} the active cohort` });
    await filter.focus();
    await expect(filter).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('active-cohort')).toHaveText(worst);
    await jobsSettled(page);
    await expect(page.getByText(/Within the cohort/)).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(summary(page)).toBeVisible();
    await chartDrawn(page);
    await screenshot(page, 'calibration-filtered');
  });

  test('a double click in the legend leaves one cohort curve; a click on its point sets the cohort', async ({
    page,
  }) => {
    await openCalibration(page);
    await page.getByLabel('Cohorts by').selectOption('region');
    await jobsSettled(page);
    await chartDrawn(page);
    const rows = page.getByRole('table', { name: 'Calibration by region' }).locator('tbody tr');
    const worst = (await rows.first().getAttribute('data-cohort')) ?? '';
    const worstValue = (await rows.first().locator('th').textContent()) ?? '';
    const legendEntry = (name: string) =>
      page
        .locator('.performance-chart .legend .traces')
        .filter({ has: page.locator('.legendtext', { hasText: name }) });
    // Cohort lines overlap the log's: a double click on the worst cohort's entry shows it alone.
    await legendEntry(`${worstValue} (`).locator('.legendtoggle').dblclick({ force: true });
    await expect(legendEntry('the log')).toHaveCSS('opacity', '0.5');
    await expect(legendEntry(`${worstValue} (`)).toHaveCSS('opacity', '1');
    const nextValue = (await rows.nth(1).locator('th').textContent()) ?? '';
    await expect(legendEntry(`${nextValue} (`)).toHaveCSS('opacity', '0.5');
    // The diagonal is a line without points; the hidden traces are not drawn.
    const points = page.locator('.performance-chart .scatterlayer .point');
    await expect(points.first()).toBeVisible();
    await points.last().click({ force: true });
    await expect(page.getByTestId('active-cohort')).toHaveText(worst);
  });
});
