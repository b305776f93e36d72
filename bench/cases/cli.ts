import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureData, parquetInput } from '../data.ts';
import { type Results } from '../harness.ts';
import { median } from '../stats.ts';
import { pairFloor } from './paired-logs.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const BIN = here('../../bin/faultline.js');
const RSS_HOOK = pathToFileURL(here('../child-rss.js')).href;
const BUILD_CLI = here('../../scripts/build-cli.js');

export const CLI_CASE = 'cli: drift + performance, two whole processes';

/**
 * The yardstick, on these machines, for the same drift and classification numbers on
 * 1M reference and 1M current rows (whole process): a pandas + scipy + sklearn script, Evidently's
 * drift preset, NannyML.
 */
const OTHERS_S = { pandas_scipy_sklearn_script: 15, evidently_drift_preset: 63, nannyml: 42 };

/** One CLI run, whole process (start-up, loading both logs, the analysis, JSON out). */
function runCli(args: string[]): { ms: number; peakRssMb: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-'));
  const rssFile = path.join(dir, 'rss');
  try {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${RSS_HOOK}`.trim(),
        FAULTLINE_BENCH_RSS_FILE: rssFile,
      },
      maxBuffer: 256 * 2 ** 20,
      encoding: 'utf8',
    });
    const ms = performance.now() - t0;
    // drift exits 1 on a significant drift with --fail-on-drift only; anything else is a failure.
    if (run.status !== 0) {
      throw new Error(`faultline ${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
    }
    return { ms, peakRssMb: Math.round(Number(readFileSync(rssFile, 'utf8')) / 2 ** 20) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `faultline drift` then `faultline performance` on the paired logs (paired-logs.ts: N reference
 * and N current rows), each a fresh process on the results' engine, timed whole; quoted against
 * the drift group's floor when it ran, and against the issue's other tools.
 */
export async function benchCli(
  rows: number,
  runs: number,
  dataRoot: string,
  results: Results,
): Promise<void> {
  const reference = parquetInput(ensureData(2 * rows, dataRoot, 'parquet'), 'training');
  const current = parquetInput(ensureData(rows, dataRoot, 'both'), 'production');
  const engine = ['--engine', results.engineKind];
  const drift = ['drift', '--reference', reference, '--current', current, '--json', ...engine];
  const performanceArgs = [
    'performance',
    '--log',
    current,
    '--reference',
    reference,
    '--json',
    ...engine,
  ];
  // As after `npm install`: the bundled CLI, current with the sources.
  const build = spawnSync(process.execPath, [BUILD_CLI], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bench: the CLI bundle did not build\n${build.stderr}`);
  const driftRuns: number[] = [];
  const performanceRuns: number[] = [];
  let peak = 0;
  for (let r = 0; r < runs; r++) {
    const d = runCli(drift);
    const p = runCli(performanceArgs);
    driftRuns.push(d.ms);
    performanceRuns.push(p.ms);
    peak = Math.max(peak, d.peakRssMb, p.peakRssMb);
  }
  const total = driftRuns.map((d, i) => d + (performanceRuns[i] ?? 0));
  const seconds = median(total) / 1000;
  results.add(CLI_CASE, 2 * rows, total, pairFloor('drift'), {
    rows_per_side: rows,
    drift_median_ms: Math.round(median(driftRuns)),
    performance_median_ms: Math.round(median(performanceRuns)),
    child_peak_rss_mb: peak,
    ...(rows === 1_000_000
      ? {
          others_s: OTHERS_S,
          times_faster_than_script:
            Math.round((OTHERS_S.pandas_scipy_sklearn_script / seconds) * 10) / 10,
        }
      : {}),
  });
}
