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

export const CLI_ONE_PROCESS = 'cli: report --only drift,performance, one process';
export const CLI_TWO_PROCESSES = 'cli: drift, then performance, two processes';

/**
 * The yardstick, on these machines, for the same drift and classification numbers on
 * 1M reference and 1M current rows (whole process): a pandas + scipy + sklearn script, Evidently's
 * drift preset, NannyML.
 */
const OTHERS_S = { pandas_scipy_sklearn_script: 15, evidently_drift_preset: 63, nannyml: 42 };

/** A CLI run that failed: its first line on stderr says why (e.g. the logs do not fit). */
class CliFailed extends Error {}

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
      const why = run.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit ${run.status}`;
      throw new CliFailed(`faultline ${args[0]} failed: ${why}`);
    }
    return { ms, peakRssMb: Math.round(Number(readFileSync(rssFile, 'utf8')) / 2 ** 20) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Against the script, at the size only. */
function comparison(rows: number, ms: number): Record<string, unknown> {
  if (rows !== 1_000_000) return {};
  const times = OTHERS_S.pandas_scipy_sklearn_script / (ms / 1000);
  return { others_s: OTHERS_S, times_faster_than_script: Math.round(times * 10) / 10 };
}

/**
 * On the paired logs (paired-logs.ts: N reference and N current rows), each a fresh process on
 * the results' engine, timed whole: `faultline report --only drift,performance` (one process
 * start, both logs loaded once), and `faultline drift` then `faultline performance` (two).
 * Quoted against the drift group's floor when it ran, and against the issue's other tools.
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
  const sides = ['--reference', reference, '--current', current];
  const out = mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-report-'));
  const report = [
    'report',
    ...sides,
    '--only',
    'drift,performance',
    '--out',
    path.join(out, 'r.json'),
    ...engine,
  ];
  const drift = ['drift', ...sides, '--json', ...engine];
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
  const floor = pairFloor('drift');
  const details = { rows_per_side: rows };
  try {
    const one = timeRuns(runs, () => [runCli(report)]);
    results.add(CLI_ONE_PROCESS, 2 * rows, one.ms, floor, {
      ...details,
      child_peak_rss_mb: one.peakRssMb,
      ...comparison(rows, median(one.ms)),
    });
  } catch (e) {
    if (!(e instanceof CliFailed)) throw e;
    results.skip(CLI_ONE_PROCESS, 2 * rows, e.message, details);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  try {
    const two = timeRuns(runs, () => [runCli(drift), runCli(performanceArgs)]);
    results.add(CLI_TWO_PROCESSES, 2 * rows, two.ms, floor, {
      ...details,
      drift_median_ms: Math.round(median(two.parts.map((p) => p[0] ?? 0))),
      performance_median_ms: Math.round(median(two.parts.map((p) => p[1] ?? 0))),
      child_peak_rss_mb: two.peakRssMb,
      ...comparison(rows, median(two.ms)),
    });
  } catch (e) {
    if (!(e instanceof CliFailed)) throw e;
    results.skip(CLI_TWO_PROCESSES, 2 * rows, e.message, details);
  }
}

/** `runs` runs of a sequence of processes: each run's total, its parts, the peak RSS of any. */
function timeRuns(runs: number, sequence: () => { ms: number; peakRssMb: number }[]) {
  const ms: number[] = [];
  const parts: number[][] = [];
  let peakRssMb = 0;
  for (let r = 0; r < runs; r++) {
    const each = sequence();
    parts.push(each.map((x) => x.ms));
    ms.push(each.reduce((s, x) => s + x.ms, 0));
    peakRssMb = Math.max(peakRssMb, ...each.map((x) => x.peakRssMb));
  }
  return { ms, parts, peakRssMb };
}
