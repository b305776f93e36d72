import { errorDataOf } from '../../shared/errors.ts';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import type { SchemaOverrides } from '../../shared/schema/dataset-schema.ts';
import { removeDatasetEverywhere } from '../store/actions.ts';
import type { DatasetSide } from '../store/datasets-slice.ts';
import type { AppStore } from '../store/store.ts';
import { createErrorsSession } from './errors-session.ts';
import type { PickedFile, Session } from './session-types.ts';
import { createWorkerClient, type CallOptions, type WorkerClient } from './worker-client.ts';
import type {
  ArgsOf,
  CanaryRequest,
  FixtureReply,
  TableView,
  WorkerFile,
} from './worker-protocol.ts';

/** The analyses whose results the store caches per view and request. */
export type CachedMethod =
  'drift' | 'performance' | 'calibration' | 'slices' | 'canary' | 'investigate';

/** The Drift view's id, under which its results are cached by request. */
export const DRIFT_VIEW = 'drift';

/** Where the Cohorts and Timeline views cache performance results: one analysis, two views. */
export const PERFORMANCE_VIEW = 'performance';

/** The Calibration view's id, under which its results are cached by request. */
export const CALIBRATION_VIEW = 'calibration';

/** The Slices view's id, under which its results are cached by request. */
export const SLICES_VIEW = 'slices';

/** The Canary view's id, under which its results are cached by request. */
export const CANARY_VIEW = 'canary';

/** The Findings view's id, under which investigations are cached by request. */
export const FINDINGS_VIEW = 'findings';

/** Where each cached analysis keeps its results in the store, by request. */
export const cacheViewOf: Record<CachedMethod, string> = {
  drift: DRIFT_VIEW,
  performance: PERFORMANCE_VIEW,
  calibration: CALIBRATION_VIEW,
  slices: SLICES_VIEW,
  canary: CANARY_VIEW,
  investigate: FINDINGS_VIEW,
};

/** A request's cache key: the same request always gives the same text. */
export const requestKey = (request: unknown): string => JSON.stringify(request);

const wantedKey = (method: CachedMethod, key: string) => `${method} ${key}`;

/** Bytes per `file:read-range` call when a desktop file is handed to the worker. */
const grantChunk = 16 * 1024 * 1024;

/** The analysis worker, bundled by Vite as its own module. */
export function startAnalysisWorker(): Worker {
  return new Worker(new URL('./analysis-worker.ts', import.meta.url), {
    type: 'module',
    name: 'faultline-analysis',
  });
}

const pickedName = (f: PickedFile) => (f.kind === 'file' ? f.file.name : f.ref.name);

/**
 * A desktop file, granted by the main process, as a Blob for the worker: read through the bridge
 * in chunks into blob storage (Chromium keeps large blobs out of the JS heap), with byte progress.
 */
async function grantedBlob(
  bridge: FaultlineBridge,
  id: string,
  size: number,
  onBytes: (done: number) => void,
): Promise<Blob> {
  let blob = new Blob([]);
  for (let start = 0; start < size; start += grantChunk) {
    const end = Math.min(size, start + grantChunk);
    const bytes = await bridge.readRange(id, start, end);
    blob = new Blob([blob, bytes as Uint8Array<ArrayBuffer>]);
    onBytes(end);
  }
  return blob;
}

/**
 * The renderer's door to the analysis worker: each call becomes a job in the store, cancelled
 * when the store marks it so, and its outcome (a new dataset, a schema, an error) lands there.
 */
export function createSession(
  store: AppStore,
  bridge: FaultlineBridge | null,
  client: WorkerClient = createWorkerClient(startAnalysisWorker()),
): Session {
  const controllers = new Map<string, AbortController>();
  /** How many shown views wait for each cached analysis's request (wantedKey). */
  const wanted = new Map<string, number>();
  /** Each cached analysis's check: cancel its running request if no shown view waits for it. */
  const dropUnwanted: (() => void)[] = [];
  let cohort = store.getState().cohort;

  store.subscribe((state) => {
    for (const [jobId, controller] of controllers) {
      if (state.jobs[jobId]?.state === 'cancelled') controller.abort();
    }
    // A new filter makes every request computed for the old one obsolete, but for those a shown
    // view still waits for: its own next request cancels it, or the filter left it unchanged.
    if (state.cohort !== cohort) {
      cohort = state.cohort;
      for (const drop of dropUnwanted) drop();
    }
  });

  /** Runs `work` as a job; true when it finished, false when it failed or was cancelled. */
  async function runJob(
    label: string,
    work: (opts: Required<CallOptions>) => Promise<void>,
    onStart?: (jobId: string) => void,
  ): Promise<boolean> {
    const jobs = () => store.getState();
    const jobId = jobs().startJob(label);
    onStart?.(jobId);
    const controller = new AbortController();
    controllers.set(jobId, controller);
    // startJob notified subscribers before the controller existed; a cancel then is honoured here.
    if (jobs().jobs[jobId]?.state === 'cancelled') controller.abort();
    try {
      await work({
        signal: controller.signal,
        onProgress: (p) => jobs().updateJobProgress(jobId, p),
      });
      jobs().finishJob(jobId);
      return true;
    } catch (e) {
      // A job the user cancelled is already final; failJob leaves it as it is.
      jobs().failJob(jobId, errorDataOf(e));
      return false;
    } finally {
      controllers.delete(jobId);
    }
  }

  async function toWorkerFile(f: PickedFile, opts: Required<CallOptions>): Promise<WorkerFile> {
    if (f.kind === 'file') return { name: f.file.name, blob: f.file };
    if (bridge === null) throw new Error('desktop files need the desktop app');
    const { id, name, size } = f.ref;
    const blob = await grantedBlob(bridge, id, size, (done) =>
      opts.onProgress({ phase: `reading ${name}`, done, total: size, unit: 'bytes' }),
    );
    return { name, blob };
  }

  async function open(
    side: DatasetSide,
    files: readonly PickedFile[],
    overrides: SchemaOverrides = {},
  ): Promise<void> {
    if (files.length === 0) return;
    const name = files.map(pickedName).join(', ');
    await runJob(`Opening ${name} as ${side}`, async (opts) => {
      const workerFiles = [];
      for (const f of files) workerFiles.push(await toWorkerFile(f, opts));
      const opened = await client.call('open', { files: workerFiles, overrides }, opts);
      if (opts.signal.aborted) {
        // Cancelled while its last query ran: the table is complete but nobody wants it.
        await client.call('drop', { table: opened.loaded.table });
        return;
      }
      const sources = opened.sources.map((source, i) => {
        const f = files[i];
        return { ...source, fileId: f?.kind === 'granted' ? f.ref.id : null };
      });
      const previous = store.getState().datasets[side];
      // New data on a side replaces the old dataset and everything computed from it.
      removeDatasetEverywhere(store, side);
      // The schema was described under these corrections, so the store keeps them with it.
      if (Object.keys(overrides).length > 0) store.getState().restoreOverrides(side, overrides);
      store.getState().addDataset({ id: side, name, side, ...opened, sources });
      if (previous !== undefined) await client.call('drop', { table: previous.loaded.table });
    });
  }

  async function fetchSample(file: string): Promise<PickedFile> {
    const response = await fetch(`./${file}`);
    if (!response.ok) throw new Error(`the bundled sample ${file} is missing (${response.status})`);
    return { kind: 'file', file: new File([await response.blob()], file) };
  }

  /**
   * A view's analysis as a job whose result is cached in the store (cacheViewOf) by request, with
   * the ids of the datasets it read. One runs at a time per view: a newer request (a new filter
   * or role) cancels the running one, which is obsolete.
   */
  function cachedAnalysis<M extends CachedMethod>(
    method: M,
    what: string,
    tablesOf: (request: ArgsOf<M>) => string[],
  ): (request: ArgsOf<M>) => Promise<void> {
    const view = cacheViewOf[method];
    let running: { key: string; jobId: string; done: Promise<unknown> } | null = null;
    dropUnwanted.push(() => {
      if (running !== null && !wanted.has(wantedKey(method, running.key))) {
        store.getState().cancelJob(running.jobId);
      }
    });
    return async (request) => {
      const key = requestKey(request);
      if (store.getState().viewResults[view]?.[key] !== undefined) return;
      // Asked again while it runs (a second view of the same analysis): settle when it does.
      if (running?.key === key) {
        await running.done;
        return;
      }
      if (running !== null) store.getState().cancelJob(running.jobId);
      const label =
        request.where.length > 0 ? `Measuring ${what} within the cohort` : `Measuring ${what}`;
      const job: { key: string; jobId: string; done: Promise<unknown> } = {
        key,
        jobId: '',
        done: Promise.resolve(),
      };
      running = job;
      // runJob calls onStart synchronously, so the job's id is known once it returns.
      job.done = runJob(
        label,
        async (opts) => {
          const result = await client.call(method, request, opts);
          if (opts.signal.aborted) return;
          const tables = tablesOf(request);
          const ids = Object.values(store.getState().datasets)
            .filter((d) => tables.includes(d.loaded.table))
            .map((d) => d.id);
          // A dataset replaced or closed meanwhile: the result describes data that is gone.
          if (ids.length < tables.length) return;
          store.getState().setViewResult(view, key, result, ids);
        },
        (jobId) => {
          job.jobId = jobId;
        },
      );
      await job.done;
      if (running === job) running = null;
    };
  }

  const logTables = (r: { log: TableView; reference: TableView | null }) =>
    [r.log.table, r.reference?.table].filter((t) => t !== undefined);

  const canaryTables = ({ source }: CanaryRequest) =>
    source.kind === 'model_column'
      ? [source.log.table]
      : [source.baseline.table, source.canary.table];

  return {
    open,
    drift: cachedAnalysis('drift', 'drift', (r) => [r.reference.table, r.current.table]),
    performance: cachedAnalysis('performance', 'performance', logTables),
    calibration: cachedAnalysis('calibration', 'calibration', logTables),
    slices: cachedAnalysis('slices', 'weak slices', logTables),
    canary: cachedAnalysis('canary', 'the canary', canaryTables),
    investigate: cachedAnalysis('investigate', 'every analysis', (r) => [
      ...new Set(
        [r.reference?.table, r.current.table, r.canary?.source.log.table].filter(
          (t) => t !== undefined,
        ),
      ),
    ]),
    async fixture(request) {
      let reply: FixtureReply | null = null;
      await runJob(`Writing the fixture ${request.name}`, async (opts) => {
        reply = await client.call('fixture', request, opts);
      });
      return reply;
    },
    ...createErrorsSession(store, client, runJob),
    async openSample() {
      let files: PickedFile[] = [];
      const fetched = await runJob('Fetching the bundled sample', async () => {
        files = await Promise.all(
          ['training.parquet', 'production.parquet', 'canary.parquet'].map(fetchSample),
        );
      });
      const [training, production, canary] = files;
      if (!fetched || training === undefined || production === undefined) return;
      await open('reference', [training]);
      await open('current', [production]);
      // Two model versions in one log: the Canary view's data (the other views read the current).
      if (canary !== undefined) await open('log', [canary]);
    },
    async setRole(datasetId, column, role) {
      const dataset = store.getState().datasets[datasetId];
      if (dataset === undefined) return;
      const before = store.getState().overrides[datasetId];
      store.getState().setRole(datasetId, column, role);
      const done = await runJob(`Setting ${column} as ${role}`, async (opts) => {
        const overrides = store.getState().overrides[datasetId] ?? {};
        const described = await client.call(
          'describe',
          { table: dataset.loaded.table, overrides },
          opts,
        );
        const current = store.getState().datasets[datasetId];
        if (current?.loaded.table !== dataset.loaded.table) return; // replaced meanwhile
        store.getState().clearViewResults();
        store.getState().addDataset({ ...current, ...described });
      });
      if (!done) store.getState().restoreOverrides(datasetId, before);
    },
    async close(datasetId) {
      const dataset = store.getState().datasets[datasetId];
      if (dataset === undefined) return;
      removeDatasetEverywhere(store, datasetId);
      await runJob(`Closing ${dataset.name}`, async (opts) => {
        await client.call('drop', { table: dataset.loaded.table }, opts);
      });
    },
    want(method, request) {
      const key = wantedKey(method, requestKey(request));
      wanted.set(key, (wanted.get(key) ?? 0) + 1);
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        const left = (wanted.get(key) ?? 1) - 1;
        if (left > 0) wanted.set(key, left);
        else wanted.delete(key);
      };
    },
    queryCacheStats: () => client.call('queryCacheStats', null),
  };
}
