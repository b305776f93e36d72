import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDatasets } from './generate-datasets.node.ts';
import { parquet } from '../shared/engine/parquet.node.ts';

const SEED = 7;
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-samples-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function generate(dir: string, productionRows: number, extra: { chunkRows?: number } = {}) {
  return generateDatasets({
    productionRows,
    outDir: dir,
    format: 'both',
    seed: SEED,
    answerKeyPath: path.join(dir, 'answer-key.json'),
    ...extra,
  });
}

/** A parsed CSV log: `get(row, column)` returns the raw text ('' for null). */
interface Log {
  rows: string[][];
  get: (row: string[], column: string) => string;
}

function readCsv(file: string): Log {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const header = (lines[0] ?? '').split(',');
  const index = new Map(header.map((name, i) => [name, i]));
  return {
    rows: lines.slice(1).map((line) => line.split(',')),
    get: (row, column) => {
      const i = index.get(column);
      if (i === undefined) throw new Error(`no column ${column}`);
      return row[i] ?? '';
    },
  };
}

function parquetRows(file: string): number {
  const table = parquet().readParquet(new Uint8Array(readFileSync(file)));
  return tableFromIPC(table.intoIPCStream()).numRows;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('generateDatasets: files', () => {
  it('is deterministic: the same seed gives byte-identical files', () => {
    const a = tempDir();
    const b = tempDir();
    generate(a, 4000);
    generate(b, 4000);
    const files = filesIn(a);
    expect(files).toEqual([
      'answer-key.json',
      'canary.csv',
      'canary.parquet',
      'production.csv',
      'production.parquet',
      'training.csv',
      'training.parquet',
    ]);
    expect(filesIn(b)).toEqual(files);
    for (const f of files) {
      expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
    }
  });

  it('writes N production rows and N/2 training and canary rows, in both formats', () => {
    const dir = tempDir();
    generate(dir, 3000);
    const expected = { training: 1500, production: 3000, canary: 1500 };
    for (const [name, rows] of Object.entries(expected)) {
      expect(readCsv(path.join(dir, `${name}.csv`)).rows).toHaveLength(rows);
      expect(parquetRows(path.join(dir, `${name}.parquet`))).toBe(rows);
    }
  });

  it('gives the same CSV whatever the chunk size (rows draw independently)', () => {
    const a = tempDir();
    const b = tempDir();
    generate(a, 3000);
    generate(b, 3000, { chunkRows: 700 });
    for (const name of ['training', 'production', 'canary']) {
      const fileA = readFileSync(path.join(a, `${name}.csv`));
      expect(fileA.equals(readFileSync(path.join(b, `${name}.csv`)))).toBe(true);
    }
  });

  it('writes a folder of Parquet parts when a log exceeds a part', () => {
    const dir = tempDir();
    const result = generateDatasets({
      productionRows: 2500,
      outDir: dir,
      format: 'parquet',
      seed: SEED,
      answerKeyPath: path.join(dir, 'answer-key.json'),
      chunkRows: 500,
      partRows: 1000,
    });
    expect(result.files.production).toEqual(['production/']);
    const parts = readdirSync(path.join(dir, 'production')).sort();
    expect(parts).toEqual(['part-000.parquet', 'part-001.parquet', 'part-002.parquet']);
    const counts = parts.map((p) => parquetRows(path.join(dir, 'production', p)));
    expect(counts).toEqual([1000, 1000, 500]);
  });
});

describe('generateDatasets: planted failures (bundled size, counted from the CSV)', () => {
  let training: Log;
  let production: Log;
  let canary: Log;

  beforeAll(() => {
    const dir = tempDir();
    generateDatasets({
      productionRows: 26_000,
      outDir: dir,
      format: 'csv',
      seed: SEED,
      answerKeyPath: path.join(dir, 'answer-key.json'),
    });
    training = readCsv(path.join(dir, 'training.csv'));
    production = readCsv(path.join(dir, 'production.csv'));
    canary = readCsv(path.join(dir, 'canary.csv'));
  });

  const day = (log: Log, row: string[]) => log.get(row, 'event_time').slice(0, 10);
  const before = (log: Log, date: string) => log.rows.filter((r) => day(log, r) < date);
  const since = (log: Log, date: string) => log.rows.filter((r) => day(log, r) >= date);
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const recall = (log: Log, rows: string[][]) => {
    const frauds = rows.filter((r) => log.get(r, 'is_fraud') === '1');
    const caught = frauds.filter((r) => log.get(r, 'predicted_fraud') === '1');
    return { frauds: frauds.length, recall: caught.length / frauds.length };
  };
  const inCohort = (log: Log) => (r: string[]) =>
    log.get(r, 'region') === 'APAC' && log.get(r, 'device') === 'android';

  it('keeps ids unique, times inside each window and the decision equal to score >= 0.5', () => {
    const ids = new Set<string>();
    for (const [log, from, to] of [
      [training, '2026-07-06', '2026-08-30'],
      [production, '2026-08-31', '2026-10-25'],
      [canary, '2026-10-26', '2026-11-08'],
    ] as const) {
      for (const r of log.rows) {
        ids.add(log.get(r, 'transaction_id'));
        expect(day(log, r) >= from && day(log, r) <= to).toBe(true);
        const decided = Number(log.get(r, 'fraud_score')) >= 0.5 ? '1' : '0';
        expect(log.get(r, 'predicted_fraud')).toBe(decided);
      }
    }
    expect(ids.size).toBe(13_000 + 26_000 + 13_000);
  });

  it('logs amount in cents (x100) only from 2026-10-05', () => {
    const amounts = (rows: string[][]) => rows.map((r) => Number(production.get(r, 'amount')));
    const beforeMedian = median(amounts(before(production, '2026-10-05')));
    const sinceMedian = median(amounts(since(production, '2026-10-05')));
    expect(beforeMedian).toBeGreaterThan(20);
    expect(beforeMedian).toBeLessThan(100);
    expect(sinceMedian / beforeMedian).toBeGreaterThan(80);
    expect(sinceMedian / beforeMedian).toBeLessThan(125);
    expect(median(training.rows.map((r) => Number(training.get(r, 'amount'))))).toBeLessThan(100);
  });

  it("adds merchant_category 'crypto' (~8%) only from 2026-09-28", () => {
    const isCrypto = (r: string[]) => production.get(r, 'merchant_category') === 'crypto';
    expect(before(production, '2026-09-28').filter(isCrypto)).toHaveLength(0);
    expect(training.rows.filter((r) => training.get(r, 'merchant_category') === 'crypto')).toEqual(
      [],
    );
    const after = since(production, '2026-09-28');
    const share = after.filter(isCrypto).length / after.length;
    expect(share).toBeGreaterThan(0.06);
    expect(share).toBeLessThan(0.1);
  });

  it('nulls distance_from_home_km in ~35% of rows only from 2026-10-12', () => {
    const isNull = (r: string[]) => production.get(r, 'distance_from_home_km') === '';
    expect(before(production, '2026-10-12').filter(isNull)).toHaveLength(0);
    expect(training.rows.filter((r) => training.get(r, 'distance_from_home_km') === '')).toEqual(
      [],
    );
    const after = since(production, '2026-10-12');
    const rate = after.filter(isNull).length / after.length;
    expect(rate).toBeGreaterThan(0.31);
    expect(rate).toBeLessThan(0.39);
  });

  it("collapses recall in region = 'APAC' AND device = 'android' from 2026-09-21 only", () => {
    const reference = recall(training, training.rows.filter(inCohort(training)));
    const cohortBefore = recall(
      production,
      before(production, '2026-09-21').filter(inCohort(production)),
    );
    const cohortAfter = recall(
      production,
      since(production, '2026-09-21').filter(inCohort(production)),
    );
    const others = since(production, '2026-09-21').filter((r) => !inCohort(production)(r));
    expect(reference.frauds).toBeGreaterThan(60);
    expect(reference.recall).toBeGreaterThan(0.45);
    expect(cohortBefore.recall).toBeGreaterThan(0.45);
    expect(cohortAfter.frauds).toBeGreaterThan(150);
    expect(cohortAfter.recall).toBeLessThan(0.15);
    expect(recall(production, others).recall).toBeGreaterThan(0.45);
  });

  it('raises the fraud base rate over production (label shift)', () => {
    const baseRate = (rows: string[][]) =>
      rows.filter((r) => production.get(r, 'is_fraud') === '1').length / rows.length;
    const first = production.rows.filter((r) => day(production, r) < '2026-09-07');
    const last = since(production, '2026-10-19');
    expect(baseRate(first)).toBeGreaterThan(0.025);
    expect(baseRate(first)).toBeLessThan(0.045);
    expect(baseRate(last)).toBeGreaterThan(0.05);
  });

  it('makes production scores in (0.6, 0.9] overconfident, unlike training', () => {
    const band = (log: Log) =>
      log.rows.filter((r) => {
        const s = Number(log.get(r, 'fraud_score'));
        return s > 0.6 && s <= 0.9;
      });
    const rows = band(production);
    const meanScore = rows.reduce((a, r) => a + Number(production.get(r, 'fraud_score')), 0);
    const observed = rows.filter((r) => production.get(r, 'is_fraud') === '1').length;
    expect(rows.length).toBeGreaterThan(60);
    expect(meanScore / rows.length - observed / rows.length).toBeGreaterThan(0.2);
  });

  it('keeps unplanted columns stable (decile PSI < 0.1 against training)', () => {
    const psi = (column: string, numeric: boolean) => {
      const ref = training.rows.map((r) => training.get(r, column));
      const cur = production.rows.map((r) => production.get(r, column));
      let binOf: (v: string) => string = (v) => v;
      if (numeric) {
        const sorted = ref.map(Number).sort((a, b) => a - b);
        const edges = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(
          (k) => sorted[Math.floor(((sorted.length - 1) * k) / 10)] ?? 0,
        );
        binOf = (v) => String(edges.filter((e) => e < Number(v)).length);
      }
      const shares = (values: string[]) => {
        const counts = new Map<string, number>();
        for (const v of values) counts.set(binOf(v), (counts.get(binOf(v)) ?? 0) + 1);
        return (key: string) => (counts.get(key) ?? 0) / values.length || 1e-4;
      };
      const p = shares(ref);
      const q = shares(cur);
      const keys = new Set([...ref, ...cur].map(binOf));
      return [...keys].reduce((sum, k) => sum + (q(k) - p(k)) * Math.log(q(k) / p(k)), 0);
    };
    for (const c of ['customer_age', 'credit_limit', 'hour_of_day', 'utilization']) {
      expect(psi(c, true), c).toBeLessThan(0.1);
    }
    for (const c of ['channel', 'card_type', 'region', 'device']) {
      expect(psi(c, false), c).toBeLessThan(0.1);
    }
    expect(psi('merchant_category', false)).toBeGreaterThan(0.2);
  });

  it('makes v2 better overall but much worse on prepaid cards in the canary', () => {
    const byModel = (v: string) => canary.rows.filter((r) => canary.get(r, 'model_version') === v);
    const prepaid = (rows: string[][]) =>
      rows.filter((r) => canary.get(r, 'card_type') === 'prepaid');
    const v1 = byModel('v1');
    const v2 = byModel('v2');
    expect(Math.abs(v1.length - v2.length) / canary.rows.length).toBeLessThan(0.05);
    expect(recall(canary, v2).recall).toBeGreaterThan(recall(canary, v1).recall);
    expect(recall(canary, prepaid(v1)).recall - recall(canary, prepaid(v2)).recall).toBeGreaterThan(
      0.3,
    );
    const p99 = (rows: string[][]) => {
      const ms = rows.map((r) => Number(canary.get(r, 'latency_ms'))).sort((a, b) => a - b);
      return ms[Math.floor(0.99 * (ms.length - 1))] ?? Number.NaN;
    };
    const p50 = (rows: string[][]) => median(rows.map((r) => Number(canary.get(r, 'latency_ms'))));
    expect(p50(v2)).toBeGreaterThan(p50(v1));
    expect(p99(v2)).toBeLessThan(500);
  });
});
