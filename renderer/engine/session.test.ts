import { readFile } from 'node:fs/promises';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../../shared/engine/duckdb.node.ts';
import type { Engine, Progress } from '../../shared/engine/engine.ts';
import { nodeCodecs } from '../../shared/engine/node-sources.node.ts';
import { createAppStore, type AppStore } from '../store/store.ts';
import {
  CALIBRATION_VIEW,
  CANARY_VIEW,
  createSession,
  DRIFT_VIEW,
  PERFORMANCE_VIEW,
  SLICES_VIEW,
} from './session.ts';
import type { PickedFile, Session } from './session-types.ts';
import { createWorkerClient, type WorkerClient } from './worker-client.ts';
import { serveWorkerMethods } from './worker-host.ts';
import { workerMethods } from './worker-methods.ts';
import { yieldingEngine } from './yield-to-messages.ts';
import { driftRequestOf } from '../views/drift/drift-request.ts';
import type { DriftResult } from '../../shared/analyses/drift/drift-result.ts';
import type { AnyPerformanceResult } from '../../shared/analyses/performance/performance-task-result.ts';
import { performanceRequestOf } from '../views/performance/performance-request.ts';
import type { CalibrationResult } from '../../shared/analyses/calibration/calibration-result.ts';
import { calibrationRequestOf } from '../views/calibration/calibration-request.ts';
import type { SlicesResult } from '../../shared/analyses/slices/slices-result.ts';
import { slicesRequestOf } from '../views/slices/slices-request.ts';
import type { CanaryResult } from '../../shared/analyses/canary/canary-result.ts';
import { canaryRequestOf } from '../views/canary/canary-request.ts';
import { performanceSides } from '../views/performance/performance-sides.ts';
import { investigateRequestOf } from '../views/findings/findings-request.ts';
import type { InvestigationReply } from './worker-protocol.ts';

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
  for (const name of ['training.parquet', 'production.parquet', 'canary.parquet']) {
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

  describe('performance', () => {
    async function opened(sides: ('reference' | 'current')[] = ['reference', 'current']) {
      const { store, session } = setup();
      if (sides.includes('reference'))
        await session.open('reference', [picked('training.parquet')]);
      if (sides.includes('current')) await session.open('current', [picked('production.parquet')]);
      const request = performanceRequestOf(store.getState());
      if (request === null) throw new Error('a log should be open');
      return { store, session, request };
    }
    const results = (store: AppStore) =>
      Object.values(store.getState().viewResults[PERFORMANCE_VIEW] ?? {}).map(
        (e) => e.result as AnyPerformanceResult,
      );

    it('judges the current data against the reference by the default column, once per request', async () => {
      const { store, session, request } = await opened();
      expect(request.by).toEqual(['region']);
      await session.performance(request);
      const [result] = results(store);
      if (result?.task !== 'binary') throw new Error('the samples are a binary log');
      expect(result.log.rows).toBe(26000);
      expect(result.reference?.rows).toBe(13000);
      expect(result.window?.unit).toBe('week');
      // The samples' planted collapse: APAC's recall, the most degraded, since 2026-09-21.
      expect(result.cohorts[0]?.cohort).toEqual({ region: 'APAC' });
      expect(result.cohorts[0]?.since).toEqual({ metric: 'recall', window: '2026-09-21' });
      expect(
        store.getState().viewResults[PERFORMANCE_VIEW]?.[JSON.stringify(request)]?.datasetIds,
      ).toEqual(['reference', 'current']);
      const before = queries;
      await session.performance(request);
      expect(queries).toBe(before);
    });

    it('a newer request cancels the running one; only the newer result is kept', async () => {
      const { store, session, request } = await opened();
      const first = session.performance(request);
      const second = session.performance({ ...request, primary: 'precision' });
      await Promise.all([first, second]);
      const jobs = jobList(store).filter((j) => j.label.startsWith('Measuring performance'));
      expect(jobs.map((j) => j.state)).toEqual(['cancelled', 'done']);
      expect(results(store).map((r) => r.primary_metric)).toEqual(['precision']);
    });

    it('compares a lone log with the rest of itself, and drops the result with the log', async () => {
      const { store, session, request } = await opened(['current']);
      expect(request.reference).toBeNull();
      await session.performance(request);
      const [result] = results(store);
      expect(result?.reference).toBeNull();
      expect(result?.cohorts[0]?.delta?.against).toBe('rest');
      await session.close('current');
      expect(store.getState().viewResults[PERFORMANCE_VIEW]).toBeUndefined();
    });

    it('runs the metrics of a multiclass or regression log', async () => {
      const { store, session } = setup();
      // Arrow IPC: the Node engine reads it from bytes, as the browser reads a picked file.
      const i = Array.from({ length: 90 }, (_, k) => k);
      const label = i.map((k) => ['cat', 'dog', 'bird'][k % 3] ?? '');
      const ipc = tableToIPC(
        tableFromArrays({
          region: i.map((k) => (k % 2 === 0 ? 'north' : 'south')),
          label,
          prediction: i.map((k) => (k % 5 === 0 ? 'dog' : (label[k] ?? ''))),
          target: Float64Array.from(i, (k) => k * 1.5),
          predicted_value: Float64Array.from(i, (k) => k * 1.5 + (k % 4)),
        }),
        'file',
      );
      await session.open('log', [picked('animals.arrow', ipc)]);
      const request = performanceRequestOf(store.getState());
      if (request === null) throw new Error('a log should be open');
      await session.performance(request);
      const [multiclass] = results(store);
      expect(multiclass?.task).toBe('multiclass');
      expect(multiclass?.cohorts.map((c) => c.cohort.region).sort()).toEqual(['north', 'south']);

      await session.setRole('log', 'target', 'label');
      await session.setRole('log', 'predicted_value', 'prediction');
      const regression = performanceRequestOf(store.getState());
      if (regression === null) throw new Error('a log should be open');
      await session.performance(regression);
      const [result] = results(store);
      expect(result?.task).toBe('regression');
      // |error| = k mod 4 for k = 0…89: 22 full cycles of 0+1+2+3, then 0 and 1.
      if (result?.task === 'regression')
        expect(result.overall.metrics.mae).toBeCloseTo(133 / 90, 9);
    });
  });

  describe('calibration', () => {
    async function opened() {
      const { store, session } = setup();
      await session.open('reference', [picked('training.parquet')]);
      await session.open('current', [picked('production.parquet')]);
      store.getState().chooseCalibration({ by: 'region' });
      const request = calibrationRequestOf(store.getState());
      if (request === null) throw new Error('the samples have a label and a score');
      return { store, session, request };
    }
    const results = (store: AppStore) =>
      Object.values(store.getState().viewResults[CALIBRATION_VIEW] ?? {}).map(
        (e) => e.result as CalibrationResult,
      );

    it("judges the current data's scores beside the reference's, once per request", async () => {
      const { store, session, request } = await opened();
      expect(request).toMatchObject({ bins: 10, strategy: 'uniform', by: ['region'], where: [] });
      await session.calibration(request);
      const [result] = results(store);
      expect(result?.n).toBe(26000);
      expect(result?.reference?.n).toBe(13000);
      // The samples' planted miscalibration: the top bins' observed rate below their score.
      const top = result?.bins.filter((b) => b.lo >= 0.7 - 1e-9 && b.hi <= 0.9 + 1e-9) ?? [];
      expect(top).toHaveLength(2);
      for (const b of top) expect(b.high).toBeLessThan(b.mean_score);
      expect(result?.reference?.ece).toBeLessThan(0.01);
      expect(result?.cohorts?.map((c) => c.cohort.region).sort()).toEqual([
        'APAC',
        'EU',
        'LATAM',
        'NA',
      ]);
      expect(
        store.getState().viewResults[CALIBRATION_VIEW]?.[JSON.stringify(request)]?.datasetIds,
      ).toEqual(['reference', 'current']);
      const before = queries;
      await session.calibration(request);
      expect(queries).toBe(before);
    });

    it('a newer request cancels the running one; only the newer result is kept', async () => {
      const { store, session, request } = await opened();
      const first = session.calibration(request);
      const second = session.calibration({ ...request, bins: 20, strategy: 'quantile' });
      await Promise.all([first, second]);
      const jobs = jobList(store).filter((j) => j.label.startsWith('Measuring calibration'));
      expect(jobs.map((j) => j.state)).toEqual(['cancelled', 'done']);
      expect(results(store).map((r) => [r.bin_count, r.strategy])).toEqual([[20, 'quantile']]);
    });

    it('within a cohort on both sides, and drops the result with the reference', async () => {
      const { store, session, request } = await opened();
      const where = [{ column: 'region', op: '=' as const, value: 'APAC' }];
      await session.calibration({ ...request, where });
      expect(jobList(store).at(-1)?.label).toBe('Measuring calibration within the cohort');
      const [result] = results(store);
      expect(result?.where).toEqual(where);
      expect(result?.cohorts?.map((c) => c.cohort.region)).toEqual(['APAC']);
      expect(result?.n).toBe(result?.cohorts?.[0]?.n);
      await session.close('reference');
      expect(store.getState().viewResults[CALIBRATION_VIEW]).toBeUndefined();
    });
  });

  describe('slices', () => {
    async function opened() {
      const { store, session } = setup();
      await session.open('reference', [picked('training.parquet')]);
      await session.open('current', [picked('production.parquet')]);
      const request = slicesRequestOf(store.getState());
      if (request === null) throw new Error('the samples have a label and features');
      return { store, session, request };
    }
    const results = (store: AppStore) =>
      Object.values(store.getState().viewResults[SLICES_VIEW] ?? {}).map(
        (e) => e.result as SlicesResult,
      );

    it('finds the planted APAC android collapse first, broke against the reference', async () => {
      const { store, session, request } = await opened();
      await session.slices(request);
      const [result] = results(store);
      expect(result?.n).toBe(26000);
      const top = result?.slices[0];
      expect(top?.predicates).toEqual(
        expect.arrayContaining([
          { column: 'region', op: '=', value: 'APAC' },
          { column: 'device', op: '=', value: 'android' },
        ]),
      );
      expect(top?.reference?.history).toBe('broke');
      expect(jobList(store).at(-1)?.label).toBe('Measuring weak slices');
    });

    it('searches one week of the log, its slices measured in the whole reference', async () => {
      const { store, session, request } = await opened();
      store.getState().chooseSlices({ window: '2026-10-19' });
      const windowed = slicesRequestOf(store.getState());
      expect(windowed).toMatchObject({
        reference: request.reference,
        window: { unit: 'week', start: '2026-10-19', end: '2026-10-26' },
      });
      if (windowed === null) throw new Error('no request');
      await session.slices(windowed);
      const [result] = results(store);
      // A week of 8 in a log of 26,000 rows spread evenly over them.
      expect(result?.n).toBeGreaterThan(2000);
      expect(result?.n).toBeLessThan(26000 / 4);
      expect(result?.slices.every((s) => s.reference !== undefined)).toBe(true);
      expect(result?.reference_mean_error).toBeGreaterThan(0);
      expect(request.window).toBeNull();
    });
  });

  describe('a new cohort filter', () => {
    const eu = [{ column: 'region', op: '=' as const, value: 'EU' }];
    const apac = [{ column: 'region', op: '=' as const, value: 'APAC' }];
    async function opened() {
      const { store, session } = setup();
      await session.open('reference', [picked('training.parquet')]);
      await session.open('current', [picked('production.parquet')]);
      return { store, session };
    }
    const jobsLabelled = (store: AppStore, start: string) =>
      jobList(store).filter((j) => j.label.startsWith(start));

    it('cancels what no shown view waits for, and keeps what one does', async () => {
      const { store, session } = await opened();
      const slices = slicesRequestOf(store.getState());
      const drift = driftRequestOf(store.getState(), 'auto');
      if (slices === null || drift === null) throw new Error('both sides should be open');
      // The Drift view is shown (it waits for its request); the Slices view was left.
      const release = session.want('drift', drift);
      const searching = session.slices(slices);
      const measuring = session.drift(drift);
      store.getState().setCohort(eu);
      await Promise.all([searching, measuring]);
      release();
      expect(jobsLabelled(store, 'Measuring weak slices').map((j) => j.state)).toEqual([
        'cancelled',
      ]);
      expect(store.getState().viewResults[SLICES_VIEW]).toBeUndefined();
      expect(jobsLabelled(store, 'Measuring drift').map((j) => j.state)).toEqual(['done']);
      expect(store.getState().viewResults[DRIFT_VIEW]?.[JSON.stringify(drift)]).toBeDefined();
    });

    it('cancels an investigation left running, and a newer one replaces an older', async () => {
      const { store, session } = await opened();
      const request = investigateRequestOf(store.getState());
      if (request === null) throw new Error('a log should be open');
      const left = session.investigate(request);
      store.getState().setCohort(eu);
      await left;
      const older = session.investigate({ ...request, where: eu });
      const newer = session.investigate({ ...request, where: apac });
      await Promise.all([older, newer]);
      expect(jobsLabelled(store, 'Measuring every analysis').map((j) => j.state)).toEqual([
        'cancelled',
        'cancelled',
        'done',
      ]);
      const kept = Object.values(store.getState().viewResults.findings ?? {}).map(
        (e) => e.result as InvestigationReply,
      );
      expect(kept).toHaveLength(1);
      expect(kept[0]?.investigation.drift?.where).toEqual(apac);
    });

    it('a second view asking for a running request settles with its result, not before', async () => {
      const { store, session } = await opened();
      const request = performanceRequestOf(store.getState());
      if (request === null) throw new Error('a log should be open');
      void session.performance(request);
      await session.performance(request);
      expect(
        store.getState().viewResults[PERFORMANCE_VIEW]?.[JSON.stringify(request)],
      ).toBeDefined();
      expect(jobsLabelled(store, 'Measuring performance')).toHaveLength(1);
    });
  });

  describe('canary', () => {
    it('opens the bundled sample with the canary log, which the other views leave aside', async () => {
      const { store, session } = setup();
      const fetched: string[] = [];
      vi.stubGlobal('fetch', async (url: string) => {
        fetched.push(url);
        return new Response(files[url.replace('./', '')] as Uint8Array<ArrayBuffer>);
      });
      try {
        await session.openSample();
      } finally {
        vi.unstubAllGlobals();
      }
      expect(fetched).toEqual(['./training.parquet', './production.parquet', './canary.parquet']);
      const { datasets } = store.getState();
      expect(Object.values(datasets).map((d) => [d.side, d.name, d.loaded.rows])).toEqual([
        ['reference', 'training.parquet', 13000],
        ['current', 'production.parquet', 26000],
        ['log', 'canary.parquet', 13000],
      ]);
      expect(performanceSides(datasets)?.log.id).toBe('current');
    });

    it('fails v2 against v1 on the planted prepaid recall, the critical reason first', async () => {
      const { store, session } = setup();
      await session.open('log', [picked('canary.parquet')]);
      const request = canaryRequestOf(store.getState());
      expect(request?.source).toMatchObject({ baseline: 'v1', canary: 'v2' });
      if (request === null) throw new Error('the canary log has two model versions');
      await session.canary(request);
      const [result] = Object.values(store.getState().viewResults[CANARY_VIEW] ?? {}).map(
        (e) => e.result as CanaryResult,
      );
      expect(result?.verdict).toBe('FAIL');
      expect(result?.failing[0]).toMatch(/card_type = prepaid.*recall/);
      expect(result?.timeline?.windows.length).toBeGreaterThan(1);
      expect(jobList(store).at(-1)?.label).toBe('Measuring the canary');
    });
  });
});
