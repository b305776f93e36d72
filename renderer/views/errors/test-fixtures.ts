import type {
  ErrorDetail,
  ErrorRow,
  ErrorsPage,
} from '../../../shared/analyses/errors/errors-result.ts';
import type { Session } from '../../engine/session-types.ts';
import { fakeSession } from '../../engine/test-fixtures.ts';
import type { ErrorsPageRequest } from '../../engine/worker-protocol.ts';
import type { AppStore } from '../../store/store.ts';
import { fraudColumns, openLog, schemaColumn } from '../performance/test-fixtures.ts';
import { createAppStore } from '../../store/store.ts';

/** A wrong prediction of the fraud log: row `row`, predicted not-fraud with `confidence`. */
export function wrongRow(row: number, confidence: number): ErrorRow {
  return {
    row,
    label: 1,
    predicted: 0,
    confidence,
    error: confidence,
    values: {
      event_time: '2026-09-01T12:00:00.000Z',
      region: row % 2 === 0 ? 'APAC' : 'EU',
      fraud_score: 1 - confidence,
    },
  };
}

/** A page of `total` wrong predictions of `rowsInScope`, rows from `offset`, confidence falling. */
export function fraudPage(
  offset: number,
  count: number,
  total = 670,
  rowsInScope = 26_000,
): ErrorsPage {
  return {
    task: 'binary',
    total,
    rows_in_scope: rowsInScope,
    offset,
    columns: [
      { name: 'event_time', kind: 'datetime', role: 'time' },
      { name: 'is_fraud', kind: 'categorical', role: 'label' },
      { name: 'predicted_fraud', kind: 'categorical', role: 'prediction' },
      { name: 'fraud_score', kind: 'numeric', role: 'score' },
      { name: 'region', kind: 'categorical', role: 'feature' },
    ],
    rows: Array.from({ length: count }, (_, i) =>
      wrongRow(1000 + offset + i, 0.99 - (offset + i) / 1000),
    ),
  };
}

/** Row 1000's detail: an amount above every reference value and a region never seen. */
export function fraudDetail(): ErrorDetail {
  return {
    ...wrongRow(1000, 0.99),
    compared_with: 'reference',
    features: [
      {
        name: 'amount',
        kind: 'numeric',
        value: 9400,
        percentile: 1,
        reference_share: null,
        reference_n: 13_000,
        outside_reference: true,
        missing: false,
      },
      {
        name: 'region',
        kind: 'categorical',
        value: 'Mars',
        percentile: null,
        reference_share: 0,
        reference_n: 13_000,
        outside_reference: true,
        missing: false,
      },
      {
        name: 'distance_km',
        kind: 'numeric',
        value: 12,
        percentile: 0.5,
        reference_share: null,
        reference_n: 13_000,
        outside_reference: false,
        missing: false,
      },
    ],
    text: [
      'amount = 9,400: above every value in the reference (max 5,000)',
      'region = Mars: never seen in the reference',
    ],
  };
}

/** A session that answers from `pages` (by offset) and `details` (by row), and records calls. */
export function pagedSession(
  pages: Record<number, ErrorsPage>,
  details: Record<number, ErrorDetail> = {},
): Session & { asked: ErrorsPageRequest[] } {
  const asked: ErrorsPageRequest[] = [];
  const session = fakeSession({
    errorsPage: async (request) => {
      asked.push(request);
      const page = pages[request.offset];
      return page === undefined ? { value: null, error: null } : { value: page, error: null };
    },
    cachedErrorsPage: (request) => pages[request.offset],
    errorDetail: async (request) => {
      const detail = details[request.row];
      return detail === undefined ? { value: null, error: null } : { value: detail, error: null };
    },
    cachedErrorDetail: (request) => details[request.row],
  });
  return { ...session, asked };
}

/** A store with the fraud reference and current log open. */
export function fraudStore(): AppStore {
  const store = createAppStore();
  store.getState().addDataset(openLog('reference'));
  store
    .getState()
    .addDataset(
      openLog('current', [
        ...fraudColumns(),
        schemaColumn('fraud_score', { role: 'score', kind: 'numeric', type: 'DOUBLE' }),
      ]),
    );
  return store;
}
