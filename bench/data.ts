import { existsSync } from 'node:fs';
import path from 'node:path';
import { generateDatasets, type OutputFormat } from '../samples/generate-datasets.node.ts';

const SEED = 20260706;

/**
 * The sample logs for `productionRows` production rows (training and canary get half as many),
 * generated once into dataRoot/<rows>/. A folder made Parquet-only is made again with CSV when
 * CSV is asked for (the generator is deterministic: the Parquet comes out the same).
 */
export function ensureData(productionRows: number, dataRoot: string, format: OutputFormat): string {
  const dir = path.join(dataRoot, String(productionRows));
  const complete =
    existsSync(path.join(dir, 'answer-key.json')) &&
    (format === 'parquet' || existsSync(path.join(dir, 'production.csv')));
  if (!complete) {
    process.stderr.write(`bench: generating ${productionRows} production rows in ${dir}\n`);
    generateDatasets({
      productionRows,
      outDir: dir,
      format,
      seed: SEED,
      answerKeyPath: path.join(dir, 'answer-key.json'),
    });
  }
  return dir;
}

/** A log's Parquet in a data folder: one file, or a folder of parts past a million rows. */
export function parquetInput(dir: string, log: 'training' | 'production'): string {
  const file = path.join(dir, `${log}.parquet`);
  return existsSync(file) ? file : path.join(dir, log);
}
