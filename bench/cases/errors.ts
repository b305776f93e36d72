import { errorsSpecFromSchemas } from '../../shared/analyses/errors/errors-spec.ts';
import { runErrorDetail } from '../../shared/analyses/errors/run-error-detail.ts';
import { runErrorsPage } from '../../shared/analyses/errors/run-errors-page.ts';
import { time, type Results } from '../harness.ts';
import { benchPairedLogs } from './paired-logs.ts';

const FIRST_PAGE = 'errors: first page (100, by confidence)';
const DEEP_PAGE = 'errors: page at half the total (100)';
const DETAIL = "errors: a row's detail vs the reference";

/** Rows per page, as a grid asks for them. */
const PAGE_ROWS = 100;

/**
 * The errors view's queries on the current log (paired-logs.ts): the first page of confident
 * errors, a page halfway down them (the top-N DuckDB must sort furthest), and the detail of the
 * first row against the reference, against both tables' floor.
 */
export async function benchErrors(
  rows: number,
  runs: number,
  dataRoot: string,
  results: Results,
): Promise<void> {
  await benchPairedLogs(
    { rows, runs, dataRoot, results },
    'errors',
    [FIRST_PAGE, DEEP_PAGE, DETAIL],
    async ({ engine, reference, current, record }) => {
      const spec = errorsSpecFromSchemas(current.schema, reference.schema, {});
      const first = await runErrorsPage(engine, spec, { offset: 0, limit: PAGE_ROWS });
      const details = { total: first.total, rows_in_scope: first.rows_in_scope };
      record(
        FIRST_PAGE,
        await time(runs, async () => {
          await runErrorsPage(engine, spec, { offset: 0, limit: PAGE_ROWS });
        }),
        details,
      );
      const offset = Math.floor(first.total / 2);
      record(
        DEEP_PAGE,
        await time(runs, async () => {
          await runErrorsPage(engine, spec, { offset, limit: PAGE_ROWS });
        }),
        { ...details, offset },
      );
      const row = first.rows[0]?.row ?? 0;
      record(
        DETAIL,
        await time(runs, async () => {
          await runErrorDetail(engine, spec, row);
        }),
        { row, features: spec.features.length },
      );
    },
  );
}
