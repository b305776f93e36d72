import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../shared/engine/duckdb.node.ts';
import type { Engine, Progress } from '../../shared/engine/engine.ts';
import { nodeCodecs } from '../../shared/engine/node-sources.node.ts';
import { createAppStore, type AppStore } from '../store/store.ts';
import { createSession, DRIFT_VIEW } from './session.ts';
import type { PickedFile, Session } from './session-types.ts';
import { createWorkerClient, type WorkerClient } from './worker-client.ts';
import { serveWorkerMethods } from './worker-host.ts';
import { workerMethods } from './worker-methods.ts';
import { yieldingEngine } from './yield-to-messages.ts';
import { driftRequestOf } from '../views/drift/drift-request.ts';
import type { DriftResult } from '../../shared/analyses/drift/drift-result.ts';

// The session against the real worker code: host and client over a MessageChannel, the core on
// the Node engine (the browser engine differs only in how it reads a File; e2e covers that).
let engine: Engine;
let client: WorkerClient;
/** Queries the worker's engine has run, to tell answers computed anew from kept ones. */
let queries = 0;
const files: Record<string, Uint8Array> = {};

beforeAll(async () => {
  engine = await createNodeEngine();
  const { port1, port2 } = new MessageChannel();
  serveWorkerMethods(
    port1 as never,
    Promise.resolve(
      workerMethods(
        yieldingEngine({
          ...engine,
          query: (q, opts) => {
            queries++;
            return engine.query(q, opts);
          },
        }),
        nodeCodecs(),
      ),
    ),
  );
  client = createWorkerClient(port2 as never);
  port1.start();
  port2.start();
  for (const name of ['training.parquet', 'production.parquet']) {
    files[name] = new Uint8Array(await readFile(`samples/data/${name}`));
  }
});
afterAll(async () => {
  await engine.close();
});

function picked(name: string, bytes = files[name]): PickedFile {
  return {
    kind: 'file',
    file: new File([(bytes ?? new Uint8Array()) as Uint8Array<ArrayBuffer>], name),
  };
}

function setup(): { store: AppStore; session: Session } {
  const store = createAppStore();
  return { store, session: createSession(store, null, client) };
}

const jobList = (store: AppStore) => Object.values(store.getState().jobs);

describe('session', () => {
  it('opens a file as a dataset with its schema, sparklines and a finished job', async () => {
    const { store, session } = setup();
    const seen: Progress[] = [];
    store.subscribe((s) => {
      for (const j of Object.values(s.jobs)) if (j.progress) seen.push(j.progress);
    });
    await session.open('reference', [picked('training.parquet')]);
    const ds = store.getState().datasets.reference;
    expect(ds?.loaded.rows).toBe(13000);
    expect(ds?.schema.columns.find((c) => c.name === 'is_fraud')?.role).toBe('label');
    expect(ds?.schema.columns.find((c) => c.name === 'fraud_score')?.role).toBe('score');
    const amountShape = ds?.shapes.amount;
    expect(amountShape?.counts.reduce((a, b) => a + b, 0)).toBe(13000);
    expect(jobList(store).map((j) => j.state)).toEqual(['done']);
    expect(seen.some((p) => p.rows === 13000)).toBe(true);
  });

  it('keeps what was open when a file fails, with the core message on the job', async () => {
    const { store, session } = setup();
    await session.open('reference', [picked('training.parquet')]);
    const garbage = new TextEncoder().encode('PAR1 this is not parquet at all PAR1');
    await session.open('current', [picked('broken.parquet', garbage)]);
    await session.open('reference', [picked('empty.csv', new Uint8Array())]);
    expect(Object.keys(store.getState().datasets)).toEqual(['reference']);
    expect(store.getState().datasets.reference?.loaded.rows).toBe(13000);
    const failed = jobList(store).filter((j) => j.state === 'failed');
    expect(failed.map((j) => j.error?.code)).toEqual(['malformed_parquet', 'empty_file']);
    expect(failed[0]?.error?.message).toMatch(/^broken\.parquet: not a readable Parquet file/);
    expect(failed[1]?.error?.message).toBe('empty.csv: the file is empty (0 bytes)');
  });

  it('redoes the schema when a role changes, and undoes a change the core refuses', async () => {
    const { store, session } = setup();
    await session.open('current', [picked('production.parquet')]);
    await session.setRole('current', 'predicted_fraud', 'feature');
    let cols = store.getState().datasets.current?.schema.columns;
    expect(cols?.find((c) => c.name === 'predicted_fraud')).toMatchObject({
      role: 'feature',
      roleReason: 'set by the user',
    });
    await session.setRole('current', 'latency_ms', 'label');
    cols = store.getState().datasets.current?.schema.columns;
    expect(cols?.find((c) => c.name === 'latency_ms')?.role).toBe('label');
    // The label the user replaced is demoted with the reason saying so.
    expect(cols?.find((c) => c.name === 'is_fraud')?.roleReason).toMatch(/latency_ms/);
    expect(store.getState().overrides.current?.roles).toEqual({
      predicted_fraud: 'feature',
      latency_ms: 'label',
    });

    await session.setRole('current', 'no such column', 'label');
    expect(store.getState().overrides.current?.roles).toEqual({
      predicted_fraud: 'feature',
      latency_ms: 'label',
    });
    expect(jobList(store).at(-1)?.error?.code).toBe('unknown_column');
  });

  it('answers a role change from the kept summary, scanning only for a new sparkline', async () => {
    const { store, session } = setup();
    await session.open('current', [picked('production.parquet')]);
    const before = queries;
    await session.setRole('current', 'latency_ms', 'feature');
    expect(queries).toBe(before);
    expect(store.getState().datasets.current?.schema.columns.at(-1)?.role).toBe('feature');

    // A kind change to numeric needs that column's bins: one query, for it alone.
    const table = store.getState().datasets.current?.loaded.table ?? '';
    const described = await client.call('describe', {
      table,
      overrides: { kinds: { txn_count_24h: 'numeric' } },
    });
    expect(queries).toBe(before + 1);
    const counts = described.shapes.txn_count_24h?.counts ?? [];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(26000);
  });

  it('replaces a side only once the new file loaded, dropping the old table', async () => {
    const { store, session } = setup();
    await session.open('reference', [picked('training.parquet')]);
    const oldTable = store.getState().datasets.reference?.loaded.table ?? '';
    await session.open('reference', [picked('production.parquet')]);
    expect(store.getState().datasets.reference?.loaded.rows).toBe(26000);
    await expect(client.call('describe', { table: oldTable, overrides: {} })).rejects.toMatchObject(
      {
        code: 'bad_argument',
      },
    );
  });

  it('cancels a load the user cancels: no dataset, the job marked cancelled', async () => {
    const { store, session } = setup();
    const unsubscribe = store.subscribe((s) => {
      const running = Object.values(s.jobs).find((j) => j.state === 'running');
      if (running) s.cancelJob(running.id);
    });
    await session.open('log', [picked('training.parquet')]);
    unsubscribe();
    expect(store.getState().datasets).toEqual({});
    expect(jobList(store).map((j) => j.state)).toEqual(['cancelled']);
  });

  it('cancels mid-way, while the loaded table is being summarised', async () => {
    const { store, session } = setup();
    const unsubscribe = store.subscribe((s) => {
      const job = Object.values(s.jobs).find((j) => j.state === 'running');
      if (job?.progress?.rows !== undefined) s.cancelJob(job.id);
    });
    await session.open('log', [picked('training.parquet')]);
    unsubscribe();
    expect(store.getState().datasets).toEqual({});
    expect(jobList(store).map((j) => j.state)).toEqual(['cancelled']);
  });

  it('closes a dataset and its table', async () => {
    const { store, session } = setup();
    await session.open('log', [picked('training.parquet')]);
    const table = store.getState().datasets.log?.loaded.table ?? '';
    await session.close('log');
    expect(store.getState().datasets).toEqual({});
    await expect(client.call('describe', { table, overrides: {} })).rejects.toMatchObject({
      code: 'bad_argument',
    });
  });

  describe('drift', () => {
    async function opened() {
      const { store, session } = setup();
      await session.open('reference', [picked('training.parquet')]);
      await session.open('current', [picked('production.parquet')]);
      const request = driftRequestOf(store.getState(), 'auto');
      if (request === null) throw new Error('both sides should be open');
      return { store, session, request };
    }
    const driftResults = (store: AppStore) =>
      Object.values(store.getState().viewResults[DRIFT_VIEW] ?? {}).map(
        (e) => e.result as DriftResult,
      );

    it('computes drift once per request and keeps it for the view', async () => {
      const { store, session, request } = await opened();
      await session.drift(request);
      const [result] = driftResults(store);
      expect(result?.reference.rows).toBe(13000);
      expect(result?.current.rows).toBe(26000);
      expect(result?.columns.find((c) => c.name === 'amount')?.band).toBe('significant');
      // auto picks weeks for the samples' 8-week span.
      expect(result?.window?.unit).toBe('week');
      const before = queries;
      await session.drift(request);
      expect(queries).toBe(before);
      expect(jobList(store).filter((j) => j.label.startsWith('Measuring drift'))).toHaveLength(1);
    });

    it('a newer request cancels the running one; only the newer result is kept', async () => {
      const { store, session, request } = await opened();
      const cohort = { ...request, where: [{ column: 'region', op: '=' as const, value: 'APAC' }] };
      const first = session.drift(request);
      const second = session.drift(cohort);
      await Promise.all([first, second]);
      const drift = jobList(store).filter((j) => j.label.startsWith('Measuring drift'));
      expect(drift.map((j) => j.state)).toEqual(['cancelled', 'done']);
      const [apac] = driftResults(store);
      expect(driftResults(store)).toHaveLength(1);
      // The cohort's size, against the unfiltered result's count of APAC rows.
      await session.drift(request);
      const region = driftResults(store)[1]?.columns.find((c) => c.name === 'region')?.bins;
      const at = region?.categories?.indexOf('APAC') ?? -1;
      expect(at).toBeGreaterThanOrEqual(0);
      expect(apac?.current.rows).toBe(region?.current_counts[at]);
      expect(apac?.reference.rows).toBe(region?.reference_counts[at]);
    });

    it('drops the result when a side is replaced', async () => {
      const { store, session, request } = await opened();
      await session.drift(request);
      await session.open('reference', [picked('production.parquet')]);
      expect(store.getState().viewResults[DRIFT_VIEW]).toBeUndefined();
    });
  });
});
