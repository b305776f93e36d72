import { expect, type Page, type TestType } from '@playwright/test';

/** Every request the page made that did not go to the app's own server. */
export function watchNetwork(page: Page, origin: string): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      outside.push(url);
    }
  });
  return outside;
}

/**
 * Registers, in the calling describe block, hooks that open the app before each test (waiting
 * until it has mounted, with its keyboard and drop listeners) and check after it that nothing
 * left the machine: no CDN, no telemetry, not even a font.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any fixtures: every spec's `test`
export function openAppOffline(test: TestType<any, any>): void {
  let outside: string[] = [];
  test.beforeEach(async ({ page, baseURL }: { page: Page; baseURL: string | undefined }) => {
    outside = watchNetwork(page, baseURL ?? '');
    await page.goto('./');
    await expect(page.getByRole('button', { name: 'Open reference…' }).first()).toBeVisible();
  });
  test.afterEach(() => {
    expect(outside).toEqual([]);
  });
}

/** Opens files through a side's file picker, as a user choosing them would. */
export async function openFiles(page: Page, side: string, files: string[]): Promise<void> {
  const input = page.getByTestId(`open-${side}-input`);
  await input.setInputFiles([]);
  await input.setInputFiles(files);
}

/** Waits until no job is running (the job bar is empty). */
export async function jobsSettled(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Running jobs' })).toHaveCount(0);
}

/** Shows a view by its tab (once a log is open the app lands on Findings). */
export async function showView(page: Page, title: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(title) }).click();
}

/** The role a column's role picker shows, in a side's column table. */
export function roleOf(page: Page, side: string, column: string) {
  return page.getByTestId(`columns-${side}`).getByLabel(`role of ${column}`, { exact: true });
}

/** Saves a full-page screenshot under e2e/screenshots/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
