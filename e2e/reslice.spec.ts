import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { jobsSettled, openFiles, screenshot, showView } from './app.ts';
import type { QueryCacheStats } from '../shared/engine/query-cache.ts';
import {
  millionRowParquet,
  millionRowTraining,
  tenMillionRowParts,
  tenMillionRows,
} from './global-setup.ts';

/** The app's store and session, as renderer/app/AppContext.ts provides them. */
interface AppServices {
  store: { getState(): { setCohort(where: unknown[]): void } };
  session: { queryCacheStats(): Promise<QueryCacheStats | null> };
}

declare global {
  interface Window {
    longTasks: number[];
    appServices(): AppServices;
  }
}

/** A cohort filter as the store holds it (renderer/engine/predicate-types.ts). */
interface Filter {
  column: string;
  op: '=';
  value: string;
}

const rows = tenMillionRows ? 10_000_000 : 1_000_000;
const log = () => (tenMillionRows ? tenMillionRowParts() : [millionRowParquet]);

/** Each view's re-slices: a filter, another, then the first again (its result is kept by then). */
const filters: Filter[] = [
  { column: 'region', op: '=', value: 'EU' },
  { column: 'device', op: '=', value: 'ios' },
  { column: 'region', op: '=', value: 'EU' },
];
/** The cohort in words, as a view's `data-result-cohort` says it (renderer/app/result-cohort.ts). */
const words = (where: Filter[]) =>
  where.length === 0 ? 'all rows' : where.map((p) => `${p.column} = ${p.value}`).join(' and ');

/** The views whose result depends on the cohort filter (Findings investigates only when asked). */
const views = ['Drift', 'Cohorts', 'Timeline', 'Calibration', 'Errors', 'Slices'];

/** The shown view's root once it shows its result computed within `where`. */
const resultFor = (page: Page, where: Filter[]) =>
  page.locator(`main [data-result-cohort="${words(where)}"]`);

/** How long a re-slice took until the new numbers were painted, and until every chart was. */
interface Reslice {
  shownMs: number;
  chartsMs: number;
}

/**
 * Sets the cohort filter as a view's Filter button would, then times until the shown view's result
 * for it is in the DOM and painted, and until its charts are drawn too (PlotlyChart's
 * `data-drawing`); without `timeoutMs`, returns at once. Fails with the job's error when the error
 * banner shows one. The app has no free-text filter (each view sets it from its own bars, bins and
 * cells), so the store is reached through React's context (window.appServices).
 */
async function reslice(page: Page, where: Filter[], timeoutMs: number | null): Promise<Reslice> {
  return page.evaluate(
    async ({ where, selector, timeoutMs }) => {
      const started = performance.now();
      window.appServices().store.getState().setCohort(where);
      if (timeoutMs === null) return { shownMs: 0, chartsMs: 0 };
      const deadline = started + timeoutMs;
      /** Resolves once `done()` holds, checked on every DOM change, then after a painted frame. */
      const until = (done: () => boolean) =>
        new Promise<number>((resolve, reject) => {
          const observer = new MutationObserver(check);
          const timer = setInterval(check, 1000);
          function check() {
            const failed = document.querySelector('[aria-label="Errors"]');
            if (failed !== null) {
              stop();
              reject(new Error(failed.textContent ?? 'failed'));
            } else if (performance.now() > deadline) {
              stop();
              reject(new Error(`no ${selector} in ${timeoutMs} ms`));
            } else if (done()) {
              stop();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
            }
          }
          function stop() {
            observer.disconnect();
            clearInterval(timer);
          }
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          check();
        });
      const shownMs = await until(() => document.querySelector(selector) !== null);
      const chartsMs = await until(
        () =>
          document.querySelector(selector) !== null &&
          document.querySelector('main [data-drawing]') === null,
      );
      return { shownMs: Math.round(shownMs), chartsMs: Math.round(chartsMs) };
    },
    { where, selector: `main [data-result-cohort="${words(where)}"]`, timeoutMs },
  );
}

const cacheStats = (page: Page) =>
  page.evaluate(() => window.appServices().session.queryCacheStats());

const longestTask = (page: Page) =>
  page.evaluate(() => Math.round(Math.max(0, ...window.longTasks)));

/** Forgets the long tasks seen so far. */
const clearLongTasks = (page: Page) =>
  page.evaluate(() => {
    window.longTasks = [];
  });

/** Times `step`, with the reads the query cache answered meanwhile. */
async function timed(page: Page, step: () => Promise<void>): Promise<Timed> {
  const before = (await cacheStats(page))?.hits ?? null;
  const started = Date.now();
  await step();
  const ms = Date.now() - started;
  const after = (await cacheStats(page))?.hits ?? null;
  return { ms, cacheHits: before === null || after === null ? null : after - before };
}

/** Waits until no job runs, however long a 10M-row load takes. */
async function settled(page: Page, timeout: number): Promise<void> {
  await expect(page.getByRole('region', { name: 'Running jobs' })).toHaveCount(0, { timeout });
}

/** Waits until the shown view's charts are drawn (Plotly loads with the first one). */
async function chartsDrawn(page: Page, timeout: number): Promise<void> {
  await expect(page.locator('main .plotly-chart-plot.loading')).toHaveCount(0, { timeout });
  await expect(page.locator('main [data-drawing]')).toHaveCount(0, { timeout });
}

/** How long a step took, and how many reads the query cache answered meanwhile. */
interface Timed {
  ms: number;
  cacheHits: number | null;
}

interface ViewReport {
  /** The view's first result, for every row (not a re-slice: it may load Plotly). */
  firstMs: number;
  firstLongestTaskMs: number;
  /** Per re-slice: until its numbers were painted. */
  resliceMs: number[];
  /** Per re-slice: until its charts were drawn too. */
  chartsMs: number[];
  longestTaskMs: number;
  cacheHits: number | null;
}

/** The error banner's text, while it shows a failed job. */
const errorsShown = (page: Page) => page.getByRole('region', { name: 'Errors', exact: true });

/** Dismisses every failed job's error. */
async function dismissErrors(page: Page): Promise<void> {
  const dismiss = errorsShown(page).getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

/**
 * Shows `view` for every row, then re-slices it by each filter: the time until its new numbers
 * and charts are drawn, the longest main-thread task, the query cache's hits. Throws, naming the
 * step and the app's message, when a job fails.
 */
async function measureView(page: Page, view: string, timeout: number): Promise<ViewReport> {
  // Each view starts from every row, set while it is not shown (nothing is computed for it).
  await reslice(page, [], null);
  await clearLongTasks(page);
  await showView(page, view);
  const firstStarted = Date.now();
  await expect(resultFor(page, []).or(errorsShown(page))).toBeVisible({ timeout });
  if (await errorsShown(page).isVisible()) {
    throw new Error(`every row: ${await errorsShown(page).innerText()}`);
  }
  const firstMs = Date.now() - firstStarted;
  await chartsDrawn(page, timeout);
  await jobsSettled(page);
  const everyRow = await resultFor(page, []).innerText();
  const firstLongestTaskMs = await longestTask(page);
  await clearLongTasks(page);
  const hitsBefore = (await cacheStats(page))?.hits ?? null;
  const resliceMs: number[] = [];
  const chartsMs: number[] = [];
  const texts: string[] = [];
  for (const [i, filter] of filters.entries()) {
    const timing = await reslice(page, [filter], timeout).catch((e: unknown) => {
      throw new Error(`${words([filter])}: ${e instanceof Error ? e.message : String(e)}`);
    });
    resliceMs.push(timing.shownMs);
    chartsMs.push(timing.chartsMs);
    const shown = resultFor(page, [filter]);
    // The new cohort's numbers: named in the view, and not the numbers of every row.
    await expect(shown).toContainText(words([filter]));
    await expect(shown).toContainText(/\d/);
    const text = await shown.innerText();
    expect(text).not.toEqual(everyRow);
    texts.push(text);
    if (i === 1) await screenshot(page, `reslice-${view.toLowerCase()}`);
  }
  expect(texts[1]).not.toEqual(texts[0]);
  await jobsSettled(page);
  const hitsAfter = (await cacheStats(page))?.hits ?? null;
  return {
    firstMs,
    firstLongestTaskMs,
    resliceMs,
    chartsMs,
    longestTaskMs: await longestTask(page),
    cacheHits: hitsBefore === null || hitsAfter === null ? null : hitsAfter - hitsBefore,
  };
}

test.describe(`re-slicing a ${rows.toLocaleString('en-US')}-row log`, () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
      window.appServices = () => {
        type Fiber = { memoizedProps?: unknown; child: Fiber | null; sibling: Fiber | null };
        const root = document.getElementById('root') as unknown as Record<string, Fiber>;
        const key = Object.keys(root).find((k) => k.startsWith('__reactContainer$'));
        const stack: Fiber[] = key === undefined ? [] : [root[key] as Fiber];
        while (stack.length > 0) {
          const fiber = stack.pop() as Fiber;
          const value = (fiber.memoizedProps as { value?: Partial<AppServices> } | null)?.value;
          if (value?.store !== undefined && value.session !== undefined) {
            return value as AppServices;
          }
          if (fiber.sibling) stack.push(fiber.sibling);
          if (fiber.child) stack.push(fiber.child);
        }
        throw new Error('no app services under #root');
      };
    });
    await page.goto('./');
  });

  test('every view shows the new cohort’s numbers after each filter change', async ({ page }) => {
    const budget = tenMillionRows ? 60 * 60_000 : 20 * 60_000;
    test.setTimeout(budget);
    const timeout = budget / 4;
    const loadStarted = Date.now();
    await openFiles(page, 'reference', [millionRowTraining]);
    await settled(page, timeout);
    await openFiles(page, 'current', log());
    await expect(page.getByRole('region', { name: 'Running jobs' })).toHaveCount(1);
    await settled(page, timeout);
    const loadMs = Date.now() - loadStarted;
    await showView(page, 'Dataset');
    await expect(page.getByTestId('dataset-current')).toContainText(rows.toLocaleString('en-US'));

    const report = {
      rows,
      loadMs,
      longestTaskWhileLoadingMs: await longestTask(page),
      filters: filters.map((f) => words([f])),
      views: {} as Record<string, ViewReport>,
      /** The longest main-thread task during any view's re-slices. */
      longestTaskMs: 0,
      /** Drift's timeline window changed (auto → month): what the query cache answers. */
      windowChange: null as Timed | null,
      /** What failed, by view and step, with the app's message (e.g. DuckDB out of memory). */
      failures: [] as string[],
      /** Findings' investigation within the last filter, after the views (1M rows only). */
      investigation: null as Timed | null,
      cache: null as QueryCacheStats | null,
    };
    for (const view of views) {
      try {
        report.views[view] = await measureView(page, view, timeout);
        report.longestTaskMs = Math.max(report.longestTaskMs, report.views[view].longestTaskMs);
      } catch (e) {
        report.failures.push(`${view}: ${e instanceof Error ? e.message : String(e)}`);
        await dismissErrors(page);
      }
    }

    // A choice other than the filter: Drift's timeline by month, within the last filter.
    if (report.views.Drift !== undefined) {
      await showView(page, 'Drift');
      await reslice(page, [filters[0] as Filter], timeout);
      report.windowChange = await timed(page, async () => {
        await page.getByLabel('Timeline window').selectOption('month');
        await expect(
          resultFor(page, [filters[0] as Filter]).filter({ hasText: /month windows/ }),
        ).toBeVisible({ timeout });
      });
    }
    if (!tenMillionRows) {
      await showView(page, 'Findings');
      report.investigation = await timed(page, async () => {
        await page.getByRole('button', { name: 'Investigate' }).click();
        await expect(resultFor(page, [filters[0] as Filter])).toBeVisible({ timeout });
      });
      await screenshot(page, 'reslice-findings');
    }
    report.cache = await cacheStats(page);

    mkdirSync('e2e/.results', { recursive: true });
    writeFileSync('e2e/.results/reslice.json', JSON.stringify(report, null, 2));
    test.info().annotations.push({ type: 'reslice', description: JSON.stringify(report) });
    console.log('reslice', JSON.stringify(report, null, 2));
    // Timings are reported, not asserted; every view must have shown each cohort's numbers.
    expect(report.failures).toEqual([]);
  });
});
