import type { Engine } from '../shared/engine/engine.ts';
import { loadDataset, type LoadedDataset } from '../shared/engine/load-dataset.ts';
import { dataSourceFromPath, expandInput, nodeCodecs } from '../shared/engine/node-sources.node.ts';
import { createBenchEngine, type EngineKind } from './engines.ts';
import { median } from './stats.ts';

/** One row of results.json and of the printed table. */
export interface CaseResult {
  case: string;
  /** The engine that ran it (bench/engines.ts). */
  engine: EngineKind;
  /** Rows the case reads (both tables' for a two-table case). */
  rows: number;
  runs: number;
  /** Null when the case was skipped. */
  median_ms: number | null;
  runs_ms: number[];
  rows_per_s: number | null;
  /** The case whose median this one is quoted against, and the ratio. */
  floor_case: string | null;
  ratio_to_floor: number | null;
  peak_rss_mb: number;
  /** Why the case did not run (it is still listed, so a missing size is explained). */
  skipped?: string;
  /** Case-specific facts (rows per side, columns, per-query medians, ...). */
  details?: Record<string, unknown>;
}

export const round = (x: number) => Math.round(x * 100) / 100;

let peakRss = 0;

export function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

const peakRssMb = () => Math.round(peakRss / 2 ** 20);

/** Runs fn `runs` times in a row, timing each call. */
export async function time(runs: number, fn: (run: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn(r);
    out.push(performance.now() - t0);
    sampleRss();
  }
  return out;
}

/** A file, folder or glob of the sample log loaded as one table. */
export async function load(
  engine: Engine,
  input: string,
  tableName: string,
): Promise<LoadedDataset> {
  const files = await expandInput(input);
  const sources = await Promise.all(files.map(dataSourceFromPath));
  return loadDataset(engine, sources, { tableName, codecs: nodeCodecs() });
}

/**
 * Collects one size's results on one engine; ratios to each case's floor are filled in at the
 * end, when every floor has been measured.
 */
export class Results {
  private readonly rows: Omit<CaseResult, 'ratio_to_floor'>[] = [];

  constructor(
    private readonly size: number,
    readonly engineKind: EngineKind,
  ) {}

  /** A fresh engine of the kind these results are measured on. */
  startEngine(): Promise<Engine> {
    return createBenchEngine(this.engineKind);
  }

  /** A measured case; `floor` names the case it is quoted against (null: none). */
  add(
    name: string,
    rows: number,
    ms: number[],
    floor: string | null,
    details?: Record<string, unknown>,
  ): void {
    const m = median(ms);
    this.rows.push({
      case: name,
      engine: this.engineKind,
      rows,
      runs: ms.length,
      median_ms: round(m),
      runs_ms: ms.map(round),
      rows_per_s: Math.round(rows / (m / 1000)),
      floor_case: floor,
      peak_rss_mb: peakRssMb(),
      ...(details ? { details } : {}),
    });
    process.stderr.write(`bench: ${this.engineKind} ${this.size} ${name}: median ${round(m)} ms\n`);
  }

  /** A case that could not run here, with the reason. */
  skip(name: string, rows: number, reason: string, details?: Record<string, unknown>): void {
    this.rows.push({
      case: name,
      engine: this.engineKind,
      rows,
      runs: 0,
      median_ms: null,
      runs_ms: [],
      rows_per_s: null,
      floor_case: null,
      peak_rss_mb: peakRssMb(),
      skipped: reason,
      ...(details ? { details } : {}),
    });
    process.stderr.write(`bench: ${this.engineKind} ${this.size} ${name}: skipped (${reason})\n`);
  }

  all(): CaseResult[] {
    const medianOf = (name: string | null) =>
      this.rows.find((r) => r.case === name)?.median_ms ?? null;
    return this.rows.map((r) => {
      const floor = medianOf(r.floor_case);
      return {
        ...r,
        ratio_to_floor: floor && r.median_ms !== null ? round(r.median_ms / floor) : null,
      };
    });
  }
}
