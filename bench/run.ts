/**
 * `npm run bench`: at 100k / 1M (/ 10M) rows of the sample log, median of several runs, rows/s
 * and peak memory, each quoted against a full-scan floor; JSON to bench/out/, a table to stdout.
 *   load: loading (CSV, Parquet), the full-scan floor of the log and inspect.
 *   drift: the drift table of N reference vs N current rows, alone and with timeline and impact,
 *     against the floor of both tables.
 *   performance: metrics of an N-row log against an N-row reference, overall, by one and two
 *     columns and per week, against the floor of both tables.
 *   calibration: reliability bins of an N-row log (uniform, quantile, by a column), with its
 *     N-row reference's curve, against the floor of both tables.
 *   errors: the first page of an N-row log's confident errors, a page half-way down, and a row's
 *     detail against the N-row reference, against the floor of both tables.
 *   slices: weak-slice discovery (SliceLine) over 10 columns of an N-row log, max level 3, with
 *     the candidates evaluated per level, against the log's own floor.
 *   canary: baseline vs canary at N rows per side, split traffic (the N-row reference as the
 *     baseline, the N-row log as the canary) and shadow (the log on both sides, joined by id),
 *     with each query's median, against the floor of both tables.
 *   report: the investigation behind Findings and the report (every analysis), then the report.
 *   cli: `faultline drift` + `faultline performance` on N vs N rows, each a whole process.
 * Every group runs on each engine asked for (DuckDB-WASM, native DuckDB); each ratio is to the
 * floor measured on the same engine and size. The issue's targets are checked at the end.
 *
 *   npm run bench -- [--sizes 100000,1000000,10000000] [--runs 5] [--cases GROUP,...]
 *     [--engines wasm,native] [--out bench/out/results.json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { renderTable } from '../cli/text-table.ts';
import { benchDrift } from './cases/drift.ts';
import { benchErrors } from './cases/errors.ts';
import { benchLoad } from './cases/load.ts';
import { benchCalibration } from './cases/calibration.ts';
import { benchCanary } from './cases/canary.ts';
import { benchPerformance } from './cases/performance.ts';
import { benchReport } from './cases/report.ts';
import { benchSlices } from './cases/slices.ts';
import { benchCli } from './cases/cli.ts';
import { ENGINE_KINDS, ENGINE_NAMES, isEngineKind } from './engines.ts';
import { Results, type CaseResult } from './harness.ts';
import { targetLines } from './targets.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const CASES = {
  load: benchLoad,
  drift: benchDrift,
  performance: benchPerformance,
  calibration: benchCalibration,
  errors: benchErrors,
  slices: benchSlices,
  canary: benchCanary,
  report: benchReport,
  cli: benchCli,
} as const;
type CaseGroup = keyof typeof CASES;
const isCaseGroup = (s: string): s is CaseGroup => Object.hasOwn(CASES, s);

function rowsText(r: CaseResult): string {
  const perSide = r.details?.rows_per_side;
  return typeof perSide === 'number'
    ? `${perSide.toLocaleString('en-US')} ×2`
    : r.rows.toLocaleString('en-US');
}

function printTable(results: CaseResult[], out: string): void {
  // one note per size and reason, naming the cases it skipped
  const notes = new Map<string, string[]>();
  for (const r of results) {
    if (r.skipped === undefined) continue;
    const key = `on ${r.engine} at ${rowsText(r)} rows: ${r.skipped}`;
    notes.set(key, [...(notes.get(key) ?? []), r.case]);
  }
  process.stdout.write(
    renderTable(
      ['case', 'engine', 'rows', 'median ms', 'rows/s', '× floor', 'peak RSS MB'],
      results.map((r) => [
        r.case,
        r.engine,
        rowsText(r),
        r.median_ms?.toFixed(1) ?? 'skipped',
        r.rows_per_s?.toLocaleString('en-US') ?? '',
        r.ratio_to_floor?.toFixed(2) ?? '',
        String(r.peak_rss_mb),
      ]),
      [false, false, true, true, true, true, true],
    ) +
      `\n${[...notes].map(([why, cases]) => `\nskipped ${cases.join(', ')} ${why}`).join('')}` +
      `\n\n${targetLines(results).join('\n')}` +
      `\n\nJSON: ${out}\n`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      runs: { type: 'string', default: '5' },
      cases: { type: 'string', default: Object.keys(CASES).join(',') },
      engines: { type: 'string', default: ENGINE_KINDS.join(',') },
      out: { type: 'string', default: here('./out/results.json') },
      data: { type: 'string', default: here('./out/data') },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.replaceAll('_', '')));
  const runs = Number(values.runs);
  const groups = values.cases.split(',');
  const engines = values.engines.split(',');
  if (
    sizes.some((s) => !Number.isSafeInteger(s) || s < 2) ||
    !(runs >= 1) ||
    !groups.every(isCaseGroup) ||
    !engines.every(isEngineKind)
  ) {
    process.stderr.write(
      `bench: --sizes N,N,... (integers), --runs N (>= 1), --cases ${Object.keys(CASES).join(',')} (any of them), --engines ${ENGINE_KINDS.join(',')} (either or both)\n`,
    );
    process.exitCode = 2;
    return;
  }
  const results: CaseResult[] = [];
  for (const size of sizes) {
    for (const engine of engines) {
      const measured = new Results(size, engine);
      for (const group of groups) await CASES[group](size, runs, values.data, measured);
      results.push(...measured.all());
    }
  }
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      memory_gb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    engines: Object.fromEntries(engines.map((e) => [e, ENGINE_NAMES[e]])),
    runs,
    results,
  };
  mkdirSync(path.dirname(values.out), { recursive: true });
  writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');
  printTable(results, values.out);
}

await main();
