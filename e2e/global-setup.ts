import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the 1M-row log for the responsiveness test is generated (once; gitignored). */
export const millionRowLog = 'e2e/.cache/1m/production.csv';

/** Makes the 1M-row sample log with the seeded generator unless it is already there (~15 s). */
export default function globalSetup(): void {
  if (existsSync(millionRowLog)) return;
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'samples/generate.ts',
      '--rows',
      '1000000',
      '--format',
      'csv',
      '--out',
      'e2e/.cache/1m',
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error('could not generate the 1M-row log for the e2e tests');
}
