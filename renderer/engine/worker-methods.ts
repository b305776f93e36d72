import { calibrationSpecFromSchemas } from '../../shared/analyses/calibration/calibration-spec.ts';
import { runCalibration } from '../../shared/analyses/calibration/run-calibration.ts';
import {
  canarySpecFromFiles,
  canarySpecFromModelColumn,
} from '../../shared/analyses/canary/canary-spec.ts';
import { runCanary } from '../../shared/analyses/canary/run-canary.ts';
import { driftSpecFromSchemas } from '../../shared/analyses/drift/drift-spec.ts';
import { runDrift } from '../../shared/analyses/drift/run-drift.ts';
import { errorsSpecFromSchemas } from '../../shared/analyses/errors/errors-spec.ts';
import { runErrorDetail } from '../../shared/analyses/errors/run-error-detail.ts';
import { runErrorsPage } from '../../shared/analyses/errors/run-errors-page.ts';
import { runPerformanceOfTask } from '../../shared/analyses/performance/run-performance-of-task.ts';
import { runSlices } from '../../shared/analyses/slices/run-slices.ts';
import { slicesSpecFromSchemas } from '../../shared/analyses/slices/slices-spec.ts';
import { throwIfAborted } from '../../shared/engine/abort.ts';
import type { Engine, RunContext } from '../../shared/engine/engine.ts';
import type { CachingEngine } from '../../shared/engine/query-cache.ts';
import {
  dropTable,
  loadDataset,
  type Codecs,
  type LoadedDataset,
} from '../../shared/engine/load-dataset.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { extractFixture } from '../../shared/fixtures/extract.ts';
import { findingsOf } from '../../shared/investigation/findings.ts';
import { summarizeFindings } from '../../shared/investigation/findings-summary.ts';
import { runInvestigation } from '../../shared/investigation/run-investigation.ts';
import { columnShapes } from '../../shared/schema/column-shapes.ts';
import type { ColumnShape } from '../../shared/schema/column-shape.ts';
import type { TableSummary } from '../../shared/schema/column-summary.ts';
import {
  schemaFromSummary,
  summarizeDataset,
  type SchemaOverrides,
} from '../../shared/schema/dataset-schema.ts';
import { sha256Blob } from '../platform/file-hash.ts';
import { blobSource } from './blob-source.ts';
import type {
  ArgsOf,
  DescribedDataset,
  MethodName,
  ResultOf,
  TableView,
  WorkerFile,
} from './worker-protocol.ts';

/** Each worker method as an async function of its arguments and the call's context. */
export type WorkerMethodImplementations = {
  [M in MethodName]: (args: ArgsOf<M>, ctx: RunContext) => Promise<ResultOf<M>>;
};

/** A table the worker loaded, with what does not change when the user corrects a role. */
interface OpenTable {
  dataset: LoadedDataset;
  summary: TableSummary;
  shapes: Record<string, ColumnShape>;
}

/**
 * A loaded file's name, size and SHA-256, which a saved workspace keeps to tell later whether the
 * file is still the one it was saved with; `rows` is the dataset's, for the progress. Cancelling
 * stops it between 8 MiB slices.
 */
async function hashedSource(
  file: WorkerFile,
  rows: number,
  ctx: RunContext,
): Promise<{ name: string; size: number; sha256: string }> {
  const phase = `hashing ${file.name}`;
  const sha256 = await sha256Blob(file.blob, (done, total) => {
    throwIfAborted(ctx.signal);
    // The rows stay in the job's progress: the load has counted them already.
    ctx.onProgress?.({ phase, done, total, unit: 'bytes', rows });
  });
  return { name: file.name, size: file.blob.size, sha256 };
}

/**
 * The worker's methods over one engine (with its query cache's counts when it is a
 * CachingEngine). Each loaded table keeps its summary and sparkline bins, so a role or kind
 * correction is answered without scanning the data again.
 */
export function workerMethods(
  engine: Engine | CachingEngine,
  codecs: Codecs,
): WorkerMethodImplementations {
  const tables = new Map<string, OpenTable>();
  let tableCount = 0;

  /** The schema under `overrides`, binning only columns that became numeric or time. */
  async function describe(
    table: OpenTable,
    overrides: SchemaOverrides,
    ctx: RunContext,
  ): Promise<DescribedDataset> {
    const schema = schemaFromSummary(table.dataset, table.summary, overrides);
    const binned = schema.columns.filter((c) => c.kind === 'numeric' || c.kind === 'datetime');
    const missing = binned.filter((c) => !(c.name in table.shapes));
    if (missing.length > 0) {
      ctx.onProgress?.({ phase: 'binning sparklines', done: 0, rows: schema.rows });
      Object.assign(table.shapes, await columnShapes(engine, table.dataset.table, missing, ctx));
    }
    const shapes: Record<string, ColumnShape> = {};
    for (const c of binned) {
      const shape = table.shapes[c.name];
      if (shape !== undefined) shapes[c.name] = shape;
    }
    return { schema, shapes };
  }

  function known(name: string): OpenTable {
    const table = tables.get(name);
    if (table === undefined) {
      throw new FaultlineError({ code: 'bad_argument', message: `no open dataset "${name}"` });
    }
    return table;
  }

  const schemaOf = ({ table, overrides }: TableView) => {
    const open = known(table);
    return schemaFromSummary(open.dataset, open.summary, overrides);
  };

  return {
    async open({ files, overrides }, ctx) {
      const name = `dataset_${++tableCount}`;
      const dataset = await loadDataset(
        engine,
        files.map((file) => blobSource(file, ctx.onProgress)),
        { tableName: name, codecs },
        ctx,
      );
      try {
        const sources = [];
        for (const file of files) sources.push(await hashedSource(file, dataset.rows, ctx));
        const table = {
          dataset,
          summary: await summarizeDataset(engine, dataset, ctx),
          shapes: {},
        };
        const described = await describe(table, overrides, ctx);
        tables.set(name, table);
        return { loaded: dataset, sources, ...described };
      } catch (e) {
        await dropTable(engine, name);
        throw e;
      }
    },
    async describe({ table: name, overrides }, ctx) {
      return describe(known(name), overrides, ctx);
    },
    async drift({ reference, current, window, where }, ctx) {
      const spec = driftSpecFromSchemas(schemaOf(reference), schemaOf(current), {
        window,
        impact: true,
        where,
      });
      return runDrift(engine, spec, ctx);
    },
    async performance({ log, reference, ...options }, ctx) {
      return runPerformanceOfTask(
        engine,
        schemaOf(log),
        reference === null ? null : schemaOf(reference),
        options,
        ctx,
      );
    },
    async calibration({ log, reference, ...options }, ctx) {
      const spec = calibrationSpecFromSchemas(
        schemaOf(log),
        reference === null ? null : schemaOf(reference),
        options,
      );
      return runCalibration(engine, spec, ctx);
    },
    async slices({ log, reference, window, ...options }, ctx) {
      const spec = slicesSpecFromSchemas(
        schemaOf(log),
        reference === null ? null : schemaOf(reference),
        { ...options, ...(window ? { window } : {}) },
      );
      return runSlices(engine, spec, ctx);
    },
    async canary({ source, by, ...options }, ctx) {
      const specOptions = { ...options, ...(by === null ? {} : { by }) };
      const spec =
        source.kind === 'model_column'
          ? canarySpecFromModelColumn(
              schemaOf(source.log),
              { column: source.column, baseline: source.baseline, canary: source.canary },
              specOptions,
            )
          : canarySpecFromFiles(schemaOf(source.baseline), schemaOf(source.canary), specOptions);
      return runCanary(engine, spec, ctx);
    },
    async investigate({ reference, current, canary, where, pinned }, ctx) {
      const investigation = await runInvestigation(
        engine,
        {
          reference: reference === null ? null : schemaOf(reference),
          current: schemaOf(current),
          ...(canary === null
            ? {}
            : {
                canary: {
                  kind: 'model_column',
                  log: schemaOf(canary.source.log),
                  column: canary.source.column,
                  baseline: canary.source.baseline,
                  canary: canary.source.canary,
                },
                guardrails: canary.guardrails,
              }),
          where,
          pinned,
        },
        ctx,
      );
      const findings = findingsOf(investigation);
      return { investigation, findings, summary: summarizeFindings(findings, investigation) };
    },
    async fixture({ log, reference, what, name, source, referenceName }, ctx) {
      const { manifest, files } = await extractFixture(
        engine,
        {
          log: schemaOf(log),
          reference: reference === null ? null : schemaOf(reference),
          what,
          name,
          source,
          ...(referenceName === null ? {} : { referenceName }),
        },
        { ...ctx, codecs },
      );
      return { manifest, files };
    },
    async errorsPage({ log, reference, where, sort, offset, limit }, ctx) {
      const spec = errorsSpecFromSchemas(
        schemaOf(log),
        reference === null ? null : schemaOf(reference),
        { where, sort },
      );
      return runErrorsPage(engine, spec, { offset, limit }, ctx);
    },
    async errorDetail({ log, reference, row }, ctx) {
      const spec = errorsSpecFromSchemas(
        schemaOf(log),
        reference === null ? null : schemaOf(reference),
      );
      return runErrorDetail(engine, spec, row, ctx);
    },
    async drop({ table: name }) {
      tables.delete(name);
      await dropTable(engine, name);
      return null;
    },
    async queryCacheStats() {
      return 'stats' in engine ? engine.stats() : null;
    },
  };
}
