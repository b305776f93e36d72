import { FaultlineError } from '../shared/errors.ts';
import type { Engine, Progress, RunContext } from '../shared/engine/engine.ts';
import { loadDataset, type LoadedDataset } from '../shared/engine/load-dataset.ts';
import { dataSourceFromPath, expandInput, nodeCodecs } from '../shared/engine/node-sources.node.ts';
import {
  inferSchema,
  type DatasetSchema,
  type SchemaOverrides,
} from '../shared/schema/dataset-schema.ts';

export interface OpenedDataset {
  input: string;
  dataset: LoadedDataset;
  schema: DatasetSchema;
}

let tables = 0;

/** A command-line input (file, folder or glob) → a loaded table with its schema. */
export async function openDataset(
  engine: Engine,
  input: string,
  opts: { overrides: SchemaOverrides; delimiter?: string },
  ctx: RunContext = {},
): Promise<OpenedDataset> {
  const files = await expandInput(input);
  const sources = await Promise.all(files.map(dataSourceFromPath));
  const dataset = await loadDataset(
    engine,
    sources,
    {
      tableName: `ds_${++tables}`,
      codecs: nodeCodecs(),
      ...(opts.delimiter !== undefined ? { delimiter: opts.delimiter } : {}),
    },
    ctx,
  );
  const schema = await inferSchema(engine, dataset, opts.overrides, ctx);
  return { input, dataset, schema };
}

/**
 * openDataset for the input a flag names (`--reference R`): progress phases and errors say which
 * input, since the role flags apply to every input and only one may lack the column.
 */
export async function openInput(
  engine: Engine,
  flag: string,
  input: string,
  opts: Parameters<typeof openDataset>[2],
  onProgress: (p: Progress) => void,
): Promise<OpenedDataset> {
  try {
    return await openDataset(engine, input, opts, {
      onProgress: (p) => onProgress({ ...p, phase: `${flag}: ${p.phase}` }),
    });
  } catch (e) {
    if (e instanceof FaultlineError && !e.message.includes(input)) {
      throw new FaultlineError({ ...e.toData(), message: `--${flag} ${input}: ${e.message}` });
    }
    throw e;
  }
}
