import type { Engine, RunContext } from '../../shared/engine/engine.ts';
import {
  dropTable,
  loadDataset,
  type Codecs,
  type LoadedDataset,
} from '../../shared/engine/load-dataset.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { columnShapes } from '../../shared/schema/column-shapes.ts';
import { inferSchema, type SchemaOverrides } from '../../shared/schema/dataset-schema.ts';
import { blobSource } from './blob-source.ts';
import type { ArgsOf, DescribedDataset, MethodName, ResultOf } from './worker-protocol.ts';

/** Each worker method as an async function of its arguments and the call's context. */
export type WorkerMethodImplementations = {
  [M in MethodName]: (args: ArgsOf<M>, ctx: RunContext) => Promise<ResultOf<M>>;
};

/** The worker's methods over one engine; the tables it loaded are remembered by name. */
export function workerMethods(engine: Engine, codecs: Codecs): WorkerMethodImplementations {
  const loaded = new Map<string, LoadedDataset>();
  let tableCount = 0;

  async function describe(
    dataset: LoadedDataset,
    overrides: SchemaOverrides,
    ctx: RunContext,
  ): Promise<DescribedDataset> {
    const schema = await inferSchema(engine, dataset, overrides, ctx);
    ctx.onProgress?.({ phase: 'binning sparklines', done: 0, rows: schema.rows });
    const shapes = await columnShapes(engine, dataset.table, schema.columns, ctx);
    return { schema, shapes };
  }

  function known(name: string): LoadedDataset {
    const dataset = loaded.get(name);
    if (dataset === undefined) {
      throw new FaultlineError({ code: 'bad_argument', message: `no open dataset "${name}"` });
    }
    return dataset;
  }

  return {
    async open({ files, overrides }, ctx) {
      const name = `dataset_${++tableCount}`;
      const dataset = await loadDataset(
        engine,
        files.map((file) => blobSource(file, ctx.onProgress)),
        { tableName: name, codecs },
        ctx,
      );
      loaded.set(name, dataset);
      try {
        return { loaded: dataset, ...(await describe(dataset, overrides, ctx)) };
      } catch (e) {
        loaded.delete(name);
        await dropTable(engine, name);
        throw e;
      }
    },
    async describe({ table: name, overrides }, ctx) {
      return describe(known(name), overrides, ctx);
    },
    async drop({ table: name }) {
      loaded.delete(name);
      await dropTable(engine, name);
      return null;
    },
  };
}
