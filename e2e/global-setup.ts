import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the 1M-row logs for the responsiveness tests are generated (once; gitignored). */
export const millionRowLog = 'e2e/.cache/1m/production.csv';
export const millionRowParquet = 'e2e/.cache/1m/production.parquet';

/** Makes the 1M-row sample logs with the seeded generator unless they are already there (~20 s). */
export default function globalSetup(): void {
  if (existsSync(millionRowLog) && existsSync(millionRowParquet)) return;
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'samples/generate.ts',
      '--rows',
      '1000000',
      '--format',
      'both',
      '--out',
      'e2e/.cache/1m',
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error('could not generate the 1M-row log for the e2e tests');
}
