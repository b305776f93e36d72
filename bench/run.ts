/**
 * `npm run bench`: load, inspect and the full-scan floor at 100k / 1M (/ 10M) rows of the sample
 * log, median of several runs, rows/s and peak memory; JSON to bench/out/, a table to stdout.
 *
 *   npm run bench -- [--sizes 100000,1000000,10000000] [--runs 5] [--out bench/out/results.json]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createNodeEngine } from '../shared/engine/duckdb.node.ts';
import type { Engine } from '../shared/engine/engine.ts';
import { loadDataset, type LoadedDataset } from '../shared/engine/load-dataset.ts';
import { dataSourceFromPath, expandInput, nodeCodecs } from '../shared/engine/node-sources.node.ts';
import { inferSchema } from '../shared/schema/dataset-schema.ts';
import { generateDatasets } from '../samples/generate-datasets.node.ts';
import { median } from './stats.ts';
import { scanFloor } from './cases/scan-floor.ts';
import { renderTable } from '../cli/text-table.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

interface CaseResult {
  case: string;
  rows: number;
  runs: number;
  median_ms: number;
  runs_ms: number[];
  rows_per_s: number;
  ratio_to_floor: number | null;
  peak_rss_mb: number;
}

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function time(runs: number, fn: (run: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn(r);
    out.push(performance.now() - t0);
    sampleRss();
  }
  return out;
}

/**
 * Times loading on a fresh engine per run (its start-up untimed): a dropped 10M-row table does
 * not give DuckDB-WASM its memory back reliably, and a second copy would not fit.
 */
async function timeLoads(
  runs: number,
  input: string,
  keepLast: boolean,
): Promise<{ ms: number[]; kept: { engine: Engine; dataset: LoadedDataset } | null }> {
  const ms: number[] = [];
  let kept: { engine: Engine; dataset: LoadedDataset } | null = null;
  for (let r = 0; r < runs; r++) {
    const engine = await createNodeEngine();
    const t0 = performance.now();
    const dataset = await load(engine, input, 'log');
    ms.push(performance.now() - t0);
    sampleRss();
    if (keepLast && r === runs - 1) kept = { engine, dataset };
    else await engine.close();
  }
  return { ms, kept };
}

function ensureData(rows: number, dataRoot: string): string {
  const dir = path.join(dataRoot, String(rows));
  if (!existsSync(path.join(dir, 'answer-key.json'))) {
    process.stderr.write(`bench: generating ${rows} production rows in ${dir}\n`);
    generateDatasets({
      productionRows: rows,
      outDir: dir,
      format: 'both',
      seed: 20260706,
      answerKeyPath: path.join(dir, 'answer-key.json'),
    });
  }
  return dir;
}

async function load(engine: Engine, input: string, tableName: string): Promise<LoadedDataset> {
  const files = await expandInput(input);
  const sources = await Promise.all(files.map(dataSourceFromPath));
  return loadDataset(engine, sources, { tableName, codecs: nodeCodecs() });
}

async function benchSize(rows: number, runs: number, dataRoot: string): Promise<CaseResult[]> {
  const dir = ensureData(rows, dataRoot);
  const parquetInput = existsSync(path.join(dir, 'production.parquet'))
    ? path.join(dir, 'production.parquet')
    : path.join(dir, 'production');
  const csvInput = path.join(dir, 'production.csv');
  const results: Omit<CaseResult, 'ratio_to_floor'>[] = [];
  const record = (name: string, n: number, ms: number[]) => {
    const m = median(ms);
    results.push({
      case: name,
      rows: n,
      runs: ms.length,
      median_ms: round(m),
      runs_ms: ms.map(round),
      rows_per_s: Math.round(n / (m / 1000)),
      peak_rss_mb: Math.round(peakRss / 2 ** 20),
    });
    process.stderr.write(`bench: ${rows} ${name}: median ${round(m)} ms\n`);
  };
  if (existsSync(csvInput)) {
    const csv = await timeLoads(runs, csvInput, false);
    record('load csv', rows, csv.ms);
  }
  const parquetLoads = await timeLoads(runs, parquetInput, true);
  record('load parquet', rows, parquetLoads.ms);
  const { engine, dataset: ds } = parquetLoads.kept ?? {};
  if (!engine || !ds) throw new Error('nothing loaded');
  try {
    const loaded = ds;
    record(
      'scan floor (every column)',
      loaded.rows,
      await time(runs, () => scanFloor(engine, loaded.table, loaded.columns)),
    );
    record(
      'inspect (summary + schema)',
      loaded.rows,
      await time(runs, async () => {
        await inferSchema(engine, loaded);
      }),
    );
  } finally {
    await engine.close();
  }
  const floor = results.find((r) => r.case.startsWith('scan floor'))?.median_ms ?? null;
  return results.map((r) => ({ ...r, ratio_to_floor: floor ? round(r.median_ms / floor) : null }));
}

const round = (x: number) => Math.round(x * 100) / 100;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      runs: { type: 'string', default: '5' },
      out: { type: 'string', default: here('./out/results.json') },
      data: { type: 'string', default: here('./out/data') },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.replaceAll('_', '')));
  const runs = Number(values.runs);
  if (sizes.some((s) => !Number.isSafeInteger(s) || s < 2) || !(runs >= 1)) {
    process.stderr.write('bench: --sizes N,N,... (integers) and --runs N (>= 1)\n');
    process.exitCode = 2;
    return;
  }
  const results: CaseResult[] = [];
  for (const size of sizes) results.push(...(await benchSize(size, runs, values.data)));
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      memory_gb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    engine: 'duckdb-wasm (node blocking build)',
    runs,
    results,
  };
  mkdirSync(path.dirname(values.out), { recursive: true });
  writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(
    renderTable(
      ['case', 'rows', 'median ms', 'rows/s', '× floor', 'peak RSS MB'],
      results.map((r) => [
        r.case,
        r.rows.toLocaleString('en-US'),
        r.median_ms.toFixed(1),
        r.rows_per_s.toLocaleString('en-US'),
        r.ratio_to_floor?.toFixed(2) ?? '',
        String(r.peak_rss_mb),
      ]),
      [false, true, true, true, true, true],
    ) + `\n\nJSON: ${values.out}\n`,
  );
}

await main();
