import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { jobsSettled, openFiles, screenshot, openAppOffline } from './app.ts';

const samples = 'samples/data';
const answerKey = JSON.parse(readFileSync('samples/answer-key.json', 'utf8')) as {
  planted: { failure: string; column?: string; since?: string; value?: string }[];
  stableColumns: string[];
};
const planted = (failure: string) => {
  const p = answerKey.planted.find((x) => x.failure === failure);
  if (p?.column === undefined) throw new Error(`no planted ${failure}`);
  return p as { column: string; since?: string; value?: string };
};

const driftRow = (page: Page, column: string) =>
  page.getByRole('table', { name: 'Drift by column' }).locator(`tr[data-column="${column}"]`);

async function openDrift(page: Page): Promise<void> {
  await openFiles(page, 'reference', [`${samples}/training.parquet`]);
  await openFiles(page, 'current', [`${samples}/production.parquet`]);
  await jobsSettled(page);
  await page.getByRole('tab', { name: /Drift/ }).click();
  await expect(page.getByRole('table', { name: 'Drift by column' })).toBeVisible();
  await jobsSettled(page);
}

test.describe('Drift view', () => {
  openAppOffline(test);

  test('ranks the planted drift first, with since, harm and the missing-rate shift', async ({
    page,
  }) => {
    await openDrift(page);
    const unit = planted('unit_change');
    const category = planted('new_category');
    const missing = planted('missing_rate_jump');

    // Significant drift comes first, and the two planted input drifts are among it.
    const rows = page.getByRole('table', { name: 'Drift by column' }).locator('tbody tr');
    const bands = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector('.band-badge')?.textContent ?? ''),
    );
    const significant = bands.filter((b) => b === 'significant').length;
    expect(bands.slice(0, significant).every((b) => b === 'significant')).toBe(true);
    const ranked = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-column')));
    expect(ranked.slice(0, significant)).toEqual(
      expect.arrayContaining([unit.column, category.column]),
    );

    for (const column of [unit.column, category.column]) {
      await expect(driftRow(page, column)).toContainText('significant');
      // Both plants coincide with errors in the samples: marked apart from harmless drift.
      await expect(driftRow(page, column)).toHaveClass(/harm-harmful/);
    }
    await expect(driftRow(page, unit.column)).toContainText(unit.since ?? '');
    await expect(driftRow(page, category.column)).toContainText(`new: ${category.value}`);
    await expect(driftRow(page, missing.column)).toContainText('shifted');
    for (const column of answerKey.stableColumns) {
      await expect(driftRow(page, column)).toContainText('stable');
    }
    await expect(page.getByRole('region', { name: 'Drift summary' })).toContainText(
      'drifted significantly',
    );
    await screenshot(page, 'drift-view-samples');
  });

  test('sorts by a header and filters by band', async ({ page }) => {
    await openDrift(page);
    const table = page.getByRole('table', { name: 'Drift by column' });
    await page.getByRole('checkbox', { name: /stable/ }).uncheck();
    const shown = await table
      .locator('tbody tr .band-badge')
      .evaluateAll((badges) => badges.map((b) => b.textContent));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown).not.toContain('stable');
    await page.getByRole('checkbox', { name: /stable/ }).check();
    await table.getByRole('button', { name: 'Column' }).click();
    const names = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-column') ?? ''));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await expect(table.getByRole('columnheader', { name: /Column/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  test('a clicked bin becomes the cohort every view honours, and clears again', async ({
    page,
  }) => {
    await openDrift(page);
    const unit = planted('unit_change');
    await driftRow(page, unit.column).click();
    const detail = page.getByRole('region', { name: new RegExp(`^${unit.column}`) });
    const summary = page.getByRole('region', { name: 'Drift summary' });
    await expect(summary).toContainText('current 26,000 rows');
    // The top decile bar of the current data: amounts above the reference's 90th percentile.
    const currentBars = detail.locator('.js-plotly-plot .trace.bars').nth(1).locator('.point');
    // Plotly's drag layer lies over the bars and turns a click at the bar's place into its event.
    await currentBars.last().click({ force: true });
    const cohort = page.getByTestId('active-cohort');
    await expect(cohort).toHaveText(/^amount > [0-9.]+$/);
    await jobsSettled(page);
    await expect(page.getByText(/Within the cohort/)).toBeVisible();
    await expect(summary).not.toContainText('current 26,000 rows');
    await screenshot(page, 'drift-view-cohort');

    await page.getByRole('button', { name: 'Show all rows' }).click();
    await expect(cohort).toHaveCount(0);
    await expect(summary).toContainText('current 26,000 rows');
  });
});
