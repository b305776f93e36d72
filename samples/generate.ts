/**
 * CLI: writes the card-fraud sample logs (training, production, canary) and their answer key.
 *
 *   npx tsx samples/generate.ts [--rows N] [--out DIR] [--format parquet|csv|both] [--seed S]
 *
 * N is the production row count (training and canary get N/2 each). With no arguments it
 * regenerates the bundled samples: samples/data/ and samples/answer-key.json (`npm run samples`).
 * With --out, the answer key goes to DIR/answer-key.json.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { OutputFormat } from './generate-datasets.node.ts';
import { generateDatasets } from './generate-datasets.node.ts';

/** 26k production rows: all six bundled files (CSV ~127 B/row, Parquet ~23) stay under 8 MB. */
export const DEFAULT_PRODUCTION_ROWS = 26_000;
/** Every seed plants the same failures; with this one each also reads clearly at the bundled size. */
export const DEFAULT_SEED = 12;

const USAGE =
  'usage: npx tsx samples/generate.ts [--rows N] [--out DIR] [--format parquet|csv|both] [--seed S]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function integerArg(text: string | undefined, fallback: number, name: string, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < min) fail(`--${name} must be an integer >= ${min}`);
  return value;
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        rows: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}

function main(): void {
  const values = readArgs();
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const format = values.format ?? 'both';
  if (format !== 'csv' && format !== 'parquet' && format !== 'both') {
    fail(`--format must be parquet, csv or both, not ${format}`);
  }
  const seed = integerArg(values.seed, DEFAULT_SEED, 'seed', 0);
  if (seed > 0xffffffff) fail('--seed must fit in 32 bits');
  const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
  const outDir = values.out ?? here('./data/');
  const started = performance.now();
  const result = generateDatasets({
    productionRows: integerArg(values.rows, DEFAULT_PRODUCTION_ROWS, 'rows', 2),
    outDir,
    format: format satisfies OutputFormat,
    seed,
    answerKeyPath: values.out ? `${values.out}/answer-key.json` : here('./answer-key.json'),
    onProgress: (message) => process.stderr.write(message + '\n'),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const written = Object.values(result.files).flat().join(', ');
  process.stderr.write(`wrote ${written} to ${outDir} in ${seconds} s\n`);
}

main();
