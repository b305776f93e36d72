import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { jobsSettled, openAppOffline, screenshot, showView } from './app.ts';

const answerKey = JSON.parse(readFileSync('samples/answer-key.json', 'utf8')) as {
  planted: {
    failure: string;
    metric?: string;
    segment?: { column: string; value: string }[];
  }[];
};
const planted = answerKey.planted.find((p) => p.failure === 'canary_segment');
const [plantedSegment] = planted?.segment ?? [];
if (planted?.metric === undefined || plantedSegment === undefined) {
  throw new Error('no planted canary segment in the answer key');
}
/** The planted segment in the view's words: "card_type = prepaid". */
const segmentWords = `${plantedSegment.column} = ${plantedSegment.value}`;
const plantedCheck = `${segmentWords} · ${planted.metric}`;

const verdict = (page: Page) => page.getByTestId('canary-verdict');
const checkRow = (page: Page, key: string) =>
  page.locator(`.canary-checks tr[data-check="${key}"]`);

/** Waits until the chart in `figure` is drawn (Plotly loads with the first chart). */
async function chartDrawn(page: Page, figure: string): Promise<void> {
  await expect(page.locator(`${figure} .js-plotly-plot .main-svg`).first()).toBeVisible();
}

/** Opens the bundled sample (with its canary log) and the Canary view, and waits for the verdict. */
async function openCanary(page: Page): Promise<void> {
  await page.getByRole('button', { name: /bundled sample/i }).click();
  await jobsSettled(page);
  await showView(page, 'Dataset');
  await expect(page.getByTestId('dataset-log')).toContainText('13,000');
  await page.getByRole('tab', { name: /Canary/ }).click();
  await jobsSettled(page);
  await expect(verdict(page)).toBeVisible();
}

test.describe('Canary view', () => {
  openAppOffline(test);

  test('fails v2 against v1 on the planted segment, and loosened guardrails change the verdict', async ({
    page,
  }) => {
    await openCanary(page);
    await expect(verdict(page)).toHaveText('FAIL');
    const banner = page.getByRole('region', { name: 'Canary verdict' });
    await expect(banner).toContainText('model_version v2 (the canary) against v1 (the baseline)');
    const firstReason = banner.locator('.verdict-failing li').first();
    await expect(firstReason).toContainText(segmentWords);
    await expect(firstReason).toContainText(planted.metric ?? '');
    await expect(checkRow(page, plantedCheck).locator('.check-result')).toHaveText('FAIL');
    await expect(checkRow(page, plantedCheck).locator('.critical-mark')).toHaveText('critical');
    await chartDrawn(page, '.canary-forest');
    await chartDrawn(page, '.canary-latency');
    await expect(page.locator('.canary-forest .plotly-chart-description')).toContainText(
      `Failed: ${segmentWords}`,
    );
    await expect(page.getByRole('table', { name: 'Checks per window' })).toContainText(
      plantedCheck,
    );
    await screenshot(page, 'canary');

    await page.getByText('Guardrails (STATS.md defaults)').click();
    const editor = page.getByRole('form', { name: 'Guardrails' });
    await editor.getByLabel(planted.metric ?? '', { exact: true }).uncheck();
    await expect(editor.getByText('Edited: Apply')).toBeVisible();
    await screenshot(page, 'canary-guardrails');
    await editor.getByRole('button', { name: 'Apply' }).click();
    await jobsSettled(page);
    // No critical check fails now: the score alone judges (below 95 with the latency failures).
    await expect(verdict(page)).toHaveText('MARGINAL');
    await expect(page.getByText('Guardrails (edited)')).toBeVisible();
    await expect(checkRow(page, plantedCheck).locator('.critical-mark')).toHaveCount(0);

    await editor.getByLabel('Population: an input PSI').fill('-1');
    await editor.getByRole('button', { name: 'Apply' }).click();
    await expect(editor.getByRole('alert')).toContainText('population_psi_max');
    await editor.getByRole('button', { name: 'Reset to defaults' }).click();
    await jobsSettled(page);
    await expect(verdict(page)).toHaveText('FAIL');
  });

  test('a segment becomes the active cohort; a check shows in the forest plot; checks per week', async ({
    page,
  }) => {
    await openCanary(page);
    await chartDrawn(page, '.canary-forest');
    const row = checkRow(page, plantedCheck);
    await row.click();
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    const next = page.locator('.canary-checks tr[aria-selected="true"]');
    await expect(next).toHaveCount(1);
    await expect(next).not.toHaveAttribute('data-check', plantedCheck);
    // The forest plot follows the selected check's metric.
    const nextMetric = ((await next.getAttribute('data-check')) ?? '').split(' · ')[1];
    await expect(page.locator('.canary-forest select')).toHaveValue(nextMetric ?? '');

    await page.getByRole('button', { name: `Make ${segmentWords} the active cohort` }).click();
    await expect(page.getByTestId('active-cohort')).toHaveText(segmentWords);
    await expect(page.locator(`tr[data-segment="${segmentWords}"] .active-mark`)).toHaveText(
      'active cohort',
    );
    // The comparison stays the one over every row, with the segment marked.
    await expect(verdict(page)).toHaveText('FAIL');
    await page.getByRole('button', { name: 'Show all rows' }).click();

    await page.getByLabel('Windows by').selectOption('week');
    await jobsSettled(page);
    const weeks = page.getByRole('table', { name: 'Checks per window' });
    await expect(weeks.locator('thead th')).toHaveCount(4);
    await screenshot(page, 'canary-weeks');
  });
});
