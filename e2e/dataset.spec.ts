import { expect, test } from '@playwright/test';
import { jobsSettled, openFiles, roleOf, screenshot, showView, openAppOffline } from './app.ts';

const samples = 'samples/data';

test.describe('Dataset view', () => {
  openAppOffline(test);

  test('opens the two sample files through the picker and infers every role', async ({ page }) => {
    await openFiles(page, 'reference', [`${samples}/training.csv`]);
    await openFiles(page, 'current', [`${samples}/production.parquet`]);
    await jobsSettled(page);
    // With a current log the app lands on Findings; the Dataset view is one tab away.
    await expect(page.getByTestId('findings-status')).toBeVisible();
    await showView(page, 'Dataset');

    const reference = page.getByTestId('dataset-reference');
    const current = page.getByTestId('dataset-current');
    await expect(reference).toContainText('training.csv');
    await expect(reference).toContainText('13,000');
    await expect(current).toContainText('production.parquet');
    await expect(current).toContainText('26,000');
    await expect(reference).toContainText('binary');

    for (const side of ['reference', 'current']) {
      await expect(roleOf(page, side, 'is_fraud')).toHaveValue('label');
      await expect(roleOf(page, side, 'fraud_score')).toHaveValue('score');
      await expect(roleOf(page, side, 'predicted_fraud')).toHaveValue('prediction');
      await expect(roleOf(page, side, 'event_time')).toHaveValue('time');
      await expect(roleOf(page, side, 'transaction_id')).toHaveValue('id');
      await expect(roleOf(page, side, 'model_version')).toHaveValue('model');
      await expect(roleOf(page, side, 'amount')).toHaveValue('feature');
    }
    // The reason is shown beside the role.
    await expect(page.getByTestId('columns-reference')).toContainText(/fraud_score/);
    // Sparklines are drawn for numeric and categorical columns.
    expect(await page.getByTestId('columns-current').locator('svg').count()).toBeGreaterThan(15);
    // Pairing: the two logs share all 22 columns.
    await expect(page.getByTestId('pairing')).toContainText('22');
    await screenshot(page, 'dataset-view-samples');
  });

  test('a changed role sticks, with its reason, across later loads', async ({ page }) => {
    await openFiles(page, 'reference', [`${samples}/training.parquet`]);
    await jobsSettled(page);
    await roleOf(page, 'reference', 'latency_ms').selectOption('feature');
    await jobsSettled(page);
    await expect(roleOf(page, 'reference', 'latency_ms')).toHaveValue('feature');
    const row = page.getByTestId('columns-reference').getByRole('row', { name: /latency_ms/ });
    await expect(row).toContainText('set by the user');

    await roleOf(page, 'reference', 'predicted_fraud').selectOption('label');
    await jobsSettled(page);
    await expect(roleOf(page, 'reference', 'predicted_fraud')).toHaveValue('label');
    // One label per dataset: the column that was the label says why it no longer is.
    await expect(roleOf(page, 'reference', 'is_fraud')).toHaveValue('feature');

    await openFiles(page, 'current', [`${samples}/production.parquet`]);
    await jobsSettled(page);
    await showView(page, 'Dataset');
    await expect(roleOf(page, 'reference', 'latency_ms')).toHaveValue('feature');
    await expect(roleOf(page, 'reference', 'predicted_fraud')).toHaveValue('label');
    await expect(roleOf(page, 'current', 'latency_ms')).toHaveValue('ignored');
    // The two logs now read the label from different columns, and the pairing says so.
    await expect(
      page.getByTestId('pairing').getByRole('list', { name: 'Role mismatches' }),
    ).toContainText(
      "'predicted_fraud' is label in the reference but prediction in the current data",
    );
    await screenshot(page, 'dataset-view-role-changed');
  });

  test('a broken file shows the core message and keeps the datasets already open', async ({
    page,
  }) => {
    await openFiles(page, 'reference', [`${samples}/training.parquet`]);
    await jobsSettled(page);
    await openFiles(page, 'current', ['e2e/fixtures/ragged.csv']);
    await jobsSettled(page);
    const alert = page.getByRole('alert');
    await expect(alert).toHaveCount(1);
    await expect(alert).toContainText('ragged.csv');
    await expect(alert).toContainText(/line 3/);
    await expect(page.getByTestId('dataset-reference')).toContainText('13,000');
    await expect(page.getByTestId('dataset-current')).toHaveCount(0);
    await screenshot(page, 'dataset-view-broken-file');

    await openFiles(page, 'reference', ['e2e/fixtures/garbage.csv']);
    await jobsSettled(page);
    await expect(page.getByRole('alert').filter({ hasText: 'garbage.csv' })).toContainText(
      /binary data, not UTF-8 text/,
    );
    // The reference that was open stays: a failed load replaces nothing.
    await expect(page.getByTestId('dataset-reference')).toContainText('training.parquet');
    await page.getByRole('button', { name: 'Dismiss' }).first().click();
    await expect(page.getByRole('alert')).toHaveCount(1);
  });

  test('files dropped on the window open as reference then current', async ({ page }) => {
    const dataTransfer = await page.evaluateHandle(async () => {
      const transfer = new DataTransfer();
      for (const name of ['training.parquet', 'production.parquet']) {
        const blob = await (await fetch(`./${name}`)).blob();
        transfer.items.add(new File([blob], name));
      }
      return transfer;
    });
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await page.dispatchEvent('body', 'dragover', { dataTransfer });
    await page.dispatchEvent('body', 'drop', { dataTransfer });
    await jobsSettled(page);
    await showView(page, 'Dataset');
    await expect(page.getByTestId('dataset-reference')).toContainText('training.parquet');
    await expect(page.getByTestId('dataset-current')).toContainText('production.parquet');
  });

  test('the bundled sample opens from the empty state', async ({ page }) => {
    await page.getByRole('button', { name: /bundled sample/i }).click();
    await jobsSettled(page);
    await showView(page, 'Dataset');
    await expect(page.getByTestId('dataset-reference')).toContainText('13,000');
    await expect(page.getByTestId('dataset-current')).toContainText('26,000');
    // The canary log too, for the Canary view: v1 and v2 in its model column.
    await expect(page.getByTestId('dataset-log')).toContainText('13,000');
    await screenshot(page, 'dataset-view-bundled-sample');
  });

  test('keyboard: shortcuts open the pickers, the column table moves with the arrows', async ({
    page,
  }) => {
    // Playwright turns on file-chooser interception asynchronously, so under load a key pressed
    // right after waitForEvent can open an unintercepted (headless, at once dismissed) dialog:
    // press again until the chooser is caught.
    await expect(async () => {
      const chooser = page.waitForEvent('filechooser', { timeout: 5000 });
      await page.keyboard.press('Control+o');
      await (await chooser).setFiles(`${samples}/training.parquet`);
    }).toPass({ timeout: 60_000 });
    await jobsSettled(page);
    await expect(page.getByTestId('dataset-reference')).toContainText('13,000');

    const rows = page.getByTestId('columns-reference').locator('tbody tr');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(rows.last()).toBeFocused();
    // Focus is visible: the focused row draws an outline.
    const outline = await rows.last().evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await screenshot(page, 'dataset-view-keyboard');
  });
});
