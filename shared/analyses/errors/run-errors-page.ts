import { throwIfAborted } from '../../engine/abort.ts';
import { readRows } from '../../engine/arrow-columns.ts';
import type { Engine, RunContext } from '../../engine/engine.ts';
import { FaultlineError } from '../../errors.ts';
import { finiteOrNull, readRawRows, rowNumber, toCell } from './errors-cells.ts';
import { errorsCountQuery, errorsPageQuery } from './errors-queries.ts';
import type { Cell, ErrorRow, ErrorsPage } from './errors-result.ts';
import { columnType, predictedCell } from './errors-row-sql.ts';
import type { ErrorsSpec } from './errors-spec.ts';

/** The most rows one page may ask for: a grid asks for what it shows, never a whole log. */
export const MAX_PAGE_ROWS = 10_000;

/** Which rows of the sorted mispredictions a page holds. */
export interface PageRequest {
  offset: number;
  limit: number;
}

function checkPage({ offset, limit }: PageRequest): void {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `errors: page offset ${offset}: expected a whole number >= 0`,
    });
  }
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_ROWS) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `errors: page limit ${limit}: expected a whole number from 1 to ${MAX_PAGE_ROWS}`,
    });
  }
}

const count = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);

/** A page row from the page query's fields. */
export function errorRowOf(spec: ErrorsSpec, r: Record<string, unknown>): Omit<ErrorRow, 'values'> {
  const outcome = spec.outcome;
  const label = outcome.task === 'binary' ? outcome.binary.label : outcome.side.label;
  const prediction =
    outcome.task === 'binary' ? outcome.binary.prediction : outcome.side.prediction;
  return {
    row: rowNumber(r.f_row),
    label: toCell(r.f_label, columnType(spec, label)),
    predicted: predictedCell(
      spec,
      prediction === null
        ? toCell(r.f_predicted, 'BOOLEAN')
        : toCell(r.f_predicted, columnType(spec, prediction)),
    ),
    confidence: finiteOrNull(r.f_confidence),
    error: finiteOrNull(r.f_error),
  };
}

/**
 * One page of a log's mispredictions (binary and multiclass: the wrong rows; regression: every
 * row with a known error), filtered, sorted and paged in DuckDB: one count over the filtered log,
 * then one query for the page. An offset past the end gives no rows and the same total.
 */
export async function runErrorsPage(
  engine: Engine,
  spec: ErrorsSpec,
  page: PageRequest,
  ctx: RunContext = {},
): Promise<ErrorsPage> {
  checkPage(page);
  throwIfAborted(ctx.signal);
  // Two queries, not count(*) OVER () on the page: a window count materialises every
  // misprediction before the LIMIT and returns nothing to read the total from past the end.
  const [counted] = readRows(await engine.query(errorsCountQuery(spec), ctx));
  const total = count(counted?.total);
  const rows =
    page.offset >= total
      ? []
      : readRawRows(await engine.query(errorsPageQuery(spec, page.offset, page.limit), ctx));
  const types = spec.columns.map((name) => columnType(spec, name));
  return {
    task: spec.outcome.task,
    total,
    rows_in_scope: count(counted?.rows_in_scope),
    offset: page.offset,
    columns: spec.columns.map((name) => {
      const c = spec.log.columns.find((col) => col.name === name);
      return { name, kind: c?.kind ?? 'text', role: c?.role ?? 'ignored' };
    }),
    rows: rows.map((r) => ({
      ...errorRowOf(spec, r),
      values: Object.fromEntries(
        spec.columns.map((name, i) => [name, toCell(r[`c${i}`], types[i] ?? 'VARCHAR')]),
      ),
    })),
  };
}
