import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../shared/engine/duckdb.node.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import { nodeCodecs } from '../../shared/engine/node-sources.node.ts';
import { realizedCounts } from '../../test-support/samples.ts';
import { createAppStore, type AppStore } from '../store/store.ts';
import { errorDetailRequestOf, errorsRequestOf } from '../views/errors/errors-request.ts';
import { createSession } from './session.ts';
import type { Session } from './session-types.ts';
import { createWorkerClient, type WorkerClient } from './worker-client.ts';
import { serveWorkerMethods } from './worker-host.ts';
import { workerMethods } from './worker-methods.ts';
import type { ErrorsRequest } from './worker-protocol.ts';
import { yieldingEngine } from './yield-to-messages.ts';

// The Errors view's session calls against the real worker code on the Node engine, over the
// bundled samples (as session.test.ts does for the other analyses).
let engine: Engine;
let client: WorkerClient;
/** Queries the worker's engine has run, to tell pages fetched anew from cached ones. */
let queries = 0;
let store: AppStore;
let session: Session;
let listing: ErrorsRequest;

beforeAll(async () => {
  engine = await createNodeEngine();
  const { port1, port2 } = new MessageChannel();
  const counted = {
    ...engine,
    query: (q: Parameters<Engine['query']>[0], opts?: Parameters<Engine['query']>[1]) => {
      queries++;
      return engine.query(q, opts);
    },
  };
  serveWorkerMethods(
    port1 as never,
    Promise.resolve(workerMethods(yieldingEngine(counted), nodeCodecs())),
  );
  client = createWorkerClient(port2 as never);
  port1.start();
  port2.start();
  store = createAppStore();
  session = createSession(store, null, client);
  for (const [side, name] of [
    ['reference', 'training.parquet'],
    ['current', 'production.parquet'],
  ] as const) {
    const bytes = new Uint8Array(await readFile(`samples/data/${name}`));
    await session.open(side, [{ kind: 'file', file: new File([bytes], name) }]);
  }
  const request = errorsRequestOf(store.getState(), { by: 'confidence', direction: 'desc' });
  if (request === null) throw new Error('the samples should give an errors request');
  listing = request;
});
afterAll(async () => {
  await engine.close();
});

const jobLabels = () => Object.values(store.getState().jobs).map((j) => `${j.label}: ${j.state}`);
const page = (offset: number, request: ErrorsRequest = listing) => ({
  ...request,
  offset,
  limit: 200,
});

describe('errors pages through the session', () => {
  it('loads the first page as a job, later ones quietly, and serves a page again from its cache', async () => {
    const jobsBefore = jobLabels().length;
    const first = await session.errorsPage(page(0));
    expect(first.error).toBeNull();
    expect(first.value?.rows).toHaveLength(200);
    expect(first.value?.rows_in_scope).toBe(realizedCounts('production').rows);
    expect(jobLabels().slice(jobsBefore)).toEqual(['Finding wrong predictions: done']);

    const second = await session.errorsPage(page(200));
    expect(second.value?.offset).toBe(200);
    expect(jobLabels().length).toBe(jobsBefore + 1);
    const confidences = [...(first.value?.rows ?? []), ...(second.value?.rows ?? [])].map(
      (r) => r.confidence ?? 0,
    );
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));

    const before = queries;
    expect((await session.errorsPage(page(0))).value).toBe(first.value);
    expect(session.cachedErrorsPage(page(200))).toBe(second.value);
    expect(session.cachedErrorsPage(page(400))).toBeUndefined();
    expect(queries).toBe(before);
  });

  it('stops the pages of an older listing when the sort changes, and a page out of sight', async () => {
    const bySort = (by: string) => ({ ...listing, sort: { by, direction: 'asc' as const } });
    const older = session.errorsPage(page(0, bySort('amount')));
    const newer = session.errorsPage(page(0, bySort('event_time')));
    const [o, n] = await Promise.all([older, newer]);
    expect(o).toEqual({ value: null, error: null });
    expect(n.value?.rows).toHaveLength(200);

    const controller = new AbortController();
    const away = session.errorsPage(page(400, bySort('event_time')), controller.signal);
    controller.abort();
    expect(await away).toEqual({ value: null, error: null });
    expect(session.cachedErrorsPage(page(400, bySort('event_time')))).toBeUndefined();
  });

  it('keeps the cohort in the request, and says why a page failed', async () => {
    const cohort = { ...listing, where: [{ column: 'region', op: '=' as const, value: 'APAC' }] };
    const within = await session.errorsPage(page(0, cohort));
    expect(within.value?.total).toBeGreaterThan(0);
    expect(within.value?.rows_in_scope).toBeLessThan(realizedCounts('production').rows);

    const bad = await session.errorsPage(
      page(0, { ...listing, sort: { by: 'no_such_column', direction: 'asc' } }),
    );
    expect(bad.value).toBeNull();
    expect(bad.error?.code).toBe('unknown_column');
    expect(jobLabels().at(-1)).toBe('Finding wrong predictions: failed');
  });
});

describe('a row detail through the session', () => {
  it('compares the row with the reference as a job, once; a newer row cancels an older one', async () => {
    const first = session.cachedErrorsPage(page(0))?.rows[0];
    const other = session.cachedErrorsPage(page(0))?.rows[1];
    if (first === undefined || other === undefined) throw new Error('the first page is cached');
    const request = errorDetailRequestOf(listing, first.row);
    const older = session.errorDetail(errorDetailRequestOf(listing, other.row));
    const detail = await session.errorDetail(request);
    expect((await older).value).toBeNull();
    expect(detail.value?.row).toBe(first.row);
    expect(detail.value?.compared_with).toBe('reference');
    expect(detail.value?.text.length).toBeGreaterThan(0);
    expect(jobLabels().slice(-2)).toEqual([
      `Comparing row ${other.row} with the reference: cancelled`,
      `Comparing row ${first.row} with the reference: done`,
    ]);
    const before = queries;
    expect(session.cachedErrorDetail(request)).toBe(detail.value);
    expect((await session.errorDetail(request)).value).toBe(detail.value);
    expect(queries).toBe(before);
  });
});
