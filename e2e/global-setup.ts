import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** Where the 1M-row logs for the responsiveness tests are generated (once; gitignored). */
export const millionRowLog = 'e2e/.cache/1m/production.csv';
export const millionRowParquet = 'e2e/.cache/1m/production.parquet';
/** The 1M-row run's training log (500k rows): the reference the re-slice timings compare with. */
export const millionRowTraining = 'e2e/.cache/1m/training.parquet';

/** FAULTLINE_E2E_ROWS=10000000 times re-slicing a 10M-row log; anything else, the 1M-row one. */
export const tenMillionRows = process.env.FAULTLINE_E2E_ROWS === '10000000';
/**
 * The 10M-row Parquet log, generated only when tenMillionRows asks for it (~3 min): the generator
 * writes a log this large as a folder of parts, which the app opens together as one dataset.
 */
const tenMillionRowFolder = 'e2e/.cache/10m/production';

/** The 10M-row log's Parquet parts, in order. */
export function tenMillionRowParts(): string[] {
  return readdirSync(tenMillionRowFolder)
    .filter((name) => name.endsWith('.parquet'))
    .sort()
    .map((name) => `${tenMillionRowFolder}/${name}`);
}

/** Runs the seeded sample generator (samples/generate.ts) for `rows` production rows. */
function generate(rows: number, format: 'both' | 'parquet', out: string): void {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'samples/generate.ts',
      '--rows',
      String(rows),
      '--format',
      format,
      '--out',
      out,
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error(`could not generate the ${rows}-row log for the e2e tests`);
}

/** Makes the 1M-row sample logs (and the 10M-row one when asked) unless they are there (~20 s). */
export default function globalSetup(): void {
  if (!existsSync(millionRowLog) || !existsSync(millionRowParquet)) {
    generate(1_000_000, 'both', 'e2e/.cache/1m');
  }
  // The answer key is written last: with it, every part is complete.
  if (tenMillionRows && !existsSync('e2e/.cache/10m/answer-key.json')) {
    generate(10_000_000, 'parquet', 'e2e/.cache/10m');
  }
}
