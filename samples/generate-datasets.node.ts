/**
 * Writes the three logs and the answer key. Rows are made in chunks and streamed to the CSV
 * writer and the Parquet writer as they come, so a 10M-row run holds one Parquet part at most.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetName, DatasetPlan } from './datasets.ts';
import { buildAnswerKey } from './answer-key.ts';
import { prettyJson } from './pretty-json.ts';
import { planDatasets } from './datasets.ts';
import { RealizedCounts } from './realized-counts.ts';
import { RowBatch } from './row-batch.ts';
import { RowModel } from './row-model.ts';
import { CsvLogWriter } from './write-csv.node.ts';
import { PART_ROWS, ParquetLogWriter, parquetTarget } from './write-parquet.node.ts';

export type OutputFormat = 'csv' | 'parquet' | 'both';

export interface GenerateOptions {
  /** Production rows; training and canary get half as many each. */
  productionRows: number;
  outDir: string;
  format: OutputFormat;
  seed: number;
  answerKeyPath: string;
  /** Rows generated (and held) at a time. */
  chunkRows?: number;
  /** Most rows per Parquet file (tests lower it to exercise the folder of parts). */
  partRows?: number;
  onProgress?: (message: string) => void;
}

export interface GenerateResult {
  /** Written files and folders, relative to outDir. */
  files: Record<DatasetName, string[]>;
  answerKey: Record<string, unknown>;
}

export const DEFAULT_CHUNK_ROWS = 500_000;

/** Generates every dataset and the answer key; same options, byte-identical output. */
export function generateDatasets(options: GenerateOptions): GenerateResult {
  // A chunk becomes one Arrow batch, and a Parquet part holds whole batches.
  const chunkRows = Math.min(options.chunkRows ?? DEFAULT_CHUNK_ROWS, partRowsOf(options));
  const plans = planDatasets(options.productionRows);
  mkdirSync(options.outDir, { recursive: true });
  const files = {} as Record<DatasetName, string[]>;
  const realized = {} as Record<DatasetName, RealizedCounts>;
  for (const plan of plans) {
    const started = performance.now();
    const counts = writeDataset(plan, options, chunkRows);
    files[plan.name] = outputsOf(plan, options);
    realized[plan.name] = counts;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    options.onProgress?.(`${plan.name}: ${plan.rows} rows in ${seconds} s`);
  }
  const answerKey = buildAnswerKey({
    seed: options.seed,
    productionRows: options.productionRows,
    plans,
    files,
    realized,
  });
  mkdirSync(path.dirname(options.answerKeyPath), { recursive: true });
  writeFileSync(options.answerKeyPath, prettyJson(answerKey));
  return { files, answerKey };
}

function wantsCsv(format: OutputFormat): boolean {
  return format !== 'parquet';
}

function wantsParquet(format: OutputFormat): boolean {
  return format !== 'csv';
}

function outputsOf(plan: DatasetPlan, options: GenerateOptions): string[] {
  const out: string[] = [];
  if (wantsCsv(options.format)) out.push(plan.name + '.csv');
  if (wantsParquet(options.format)) {
    const partRows = partRowsOf(options);
    const target = parquetTarget(options.outDir, plan.name, plan.rows, partRows);
    out.push(path.relative(options.outDir, target) + (plan.rows > partRows ? '/' : ''));
  }
  return out;
}

function partRowsOf(options: GenerateOptions): number {
  return options.partRows ?? PART_ROWS;
}

function writeDataset(plan: DatasetPlan, options: GenerateOptions, chunkRows: number) {
  const { outDir, format } = options;
  if (wantsParquet(format)) {
    // A rerun with another size switches between file and folder: never leave the other behind.
    rmSync(path.join(outDir, plan.name), { recursive: true, force: true });
    rmSync(path.join(outDir, plan.name + '.parquet'), { force: true });
  }
  const csv = wantsCsv(format) ? new CsvLogWriter(path.join(outDir, plan.name + '.csv')) : null;
  const parquet = wantsParquet(format)
    ? new ParquetLogWriter(outDir, plan.name, plan.rows, partRowsOf(options))
    : null;
  const model = new RowModel(plan, options.seed);
  const counts = new RealizedCounts(plan);
  for (let start = 0; start < plan.rows; start += chunkRows) {
    const end = Math.min(start + chunkRows, plan.rows);
    const batch = parquet ? new RowBatch(end - start) : null;
    for (let i = start; i < end; i += 1) {
      const row = model.rowAt(i);
      csv?.write(row);
      batch?.push(row);
      counts.add(row);
    }
    if (batch) parquet?.add(batch.toRecordBatch());
  }
  csv?.close();
  parquet?.close();
  return counts;
}
