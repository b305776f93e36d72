// The investigation runner on hand-made logs: what it skips and why (no reference, no label, a
// canary log without two versions), pins measured as performance measures them, progress, and
// stopping: a cancel or an engine failure rejects, and no temporary table or view is left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../engine/arrow-columns.ts';
import { createNodeEngine } from '../engine/duckdb.node.ts';
import type { Engine, Progress } from '../engine/engine.ts';
import { FaultlineError } from '../errors.ts';
import type { DatasetSchema } from '../schema/dataset-schema.ts';
import { sql } from '../sql/sql.ts';
import { runPerformanceOfTask } from '../analyses/performance/run-performance-of-task.ts';
import { loadCsvText } from '../../test-support/csv-table.ts';
import type { Pin } from './investigation.ts';
import { runInvestigation } from './run-investigation.ts';

/** A deterministic generator (xorshift), so the logs are the same on every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

/**
 * `rows` rows over 28 days from `start`; `worse` rows score their positives low (missed), so
 * their recall falls. With `versions`, rows alternate between them.
 */
function log(
  seed: number,
  start: string,
  rows: number,
  worse: (region: string, device: string) => boolean,
  versions: string[] = ['v1'],
): string {
  const r = random(seed);
  const lines = ['row_id,event_time,region,device,amount,label,score,model_version'];
  const t0 = Date.parse(`${start}T00:00:00Z`);
  for (let i = 0; i < rows; i++) {
    const time = new Date(t0 + Math.floor((i / rows) * 28 * 86_400_000)).toISOString();
    const region = ['EU', 'NA', 'APAC'][Math.floor(r() * 3)] ?? 'EU';
    const device = ['ios', 'android'][Math.floor(r() * 2)] ?? 'ios';
    const amount = (10 + 200 * r()).toFixed(2);
    const y = r() < 0.2 ? 1 : 0;
    const missed = worse(region, device) && r() < 0.8;
    const p = y === 1 ? (missed ? 0.1 + 0.3 * r() : 0.6 + 0.4 * r()) : 0.45 * r();
    const version = versions[i % versions.length] ?? 'v1';
    lines.push(
      `${i},${time.slice(0, 19).replace('T', ' ')},${region},${device},${amount},${y},${p.toFixed(4)},${version}`,
    );
  }
  return lines.join('\n');
}

let engine: Engine;
let reference: DatasetSchema;
let current: DatasetSchema;
let unlabelled: DatasetSchema;
let canaryLog: DatasetSchema;

const apacAndroid = (region: string, device: string) => region === 'APAC' && device === 'android';

beforeAll(async () => {
  engine = await createNodeEngine();
  reference = await loadCsvText(
    engine,
    log(3, '2026-01-05', 1500, () => false),
    'reference',
  );
  current = await loadCsvText(engine, log(5, '2026-02-02', 1500, apacAndroid), 'current');
  unlabelled = await loadCsvText(engine, log(5, '2026-02-02', 1500, apacAndroid), 'unlabelled', {
    roles: { label: 'ignored' },
  });
  canaryLog = await loadCsvText(
    engine,
    log(7, '2026-03-02', 1200, () => false, ['v1', 'v2']),
    'canary_log',
  );
});
afterAll(async () => {
  await engine.close();
});

/** Temporary tables and views an analysis made, still there. */
async function leftBehind(): Promise<number> {
  const [row] = readRows(
    await engine.query(sql`SELECT
      (SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'faultline_%')
      + (SELECT count(*) FROM duckdb_views() WHERE view_name LIKE 'faultline_%') AS n`),
  );
  return Number(row?.n);
}

/** The engine, calling `after` with each query's text once it has run. */
function watched(after: (text: string) => void): Engine {
  return {
    query: async (q, opts) => {
      const result = await engine.query(q, opts);
      after(q.text);
      return result;
    },
    registerFile: (name, handle) => engine.registerFile(name, handle),
    dropFile: (name) => engine.dropFile(name),
    insertArrowIpc: (name, bytes, opts) => engine.insertArrowIpc(name, bytes, opts),
    close: () => engine.close(),
  };
}

describe('runInvestigation: what it skips, and why', () => {
  it('without a reference: no drift, the rest against the log itself', async () => {
    const r = await runInvestigation(engine, { reference: null, current });
    expect(r.skipped).toEqual([
      { section: 'drift', reason: 'drift: no reference to compare the current data with' },
    ]);
    expect(r.drift).toBeNull();
    expect(r.reference).toBeNull();
    expect(r.performance?.reference).toBeNull();
    expect(r.calibration?.reference).toBeUndefined();
    // Each cohort against the rest of the log, the planted one the worst.
    expect(r.cohorts[0]?.predicates).toEqual([
      { column: 'region', op: '=', value: 'APAC' },
      { column: 'device', op: '=', value: 'android' },
    ]);
    expect(r.cohorts[0]?.delta?.against).toBe('rest');
  });

  it('without a label: drift only, every outcome analysis skipped with its own reason', async () => {
    const r = await runInvestigation(engine, { reference, current: unlabelled });
    expect(r.drift?.columns.length).toBeGreaterThan(0);
    expect(r.drift?.skipped?.impact).toBeDefined();
    expect(r.skipped.map((s) => s.section)).toEqual([
      'performance',
      'cohorts',
      'calibration',
      'slices',
      'errors',
    ]);
    expect(r.skipped[0]?.reason).toMatch(/^performance: no label column in the log/);
    expect(r.skipped.find((s) => s.section === 'calibration')?.reason).toMatch(/^calibration: /);
    expect([r.performance, r.calibration, r.slices, r.errors]).toEqual([null, null, null, null]);
    expect(r.cohorts).toEqual([]);
  });

  it("compares a log's two model versions, the earlier-named as the baseline", async () => {
    const r = await runInvestigation(engine, {
      reference,
      current,
      canary: { kind: 'model_column', log: canaryLog },
    });
    expect(r.canary?.source).toEqual({
      kind: 'model_column',
      column: 'model_version',
      baseline: 'v1',
      canary: 'v2',
    });
    expect(r.canary?.rows).toMatchObject({ baseline: 600, canary: 600 });
  });

  it('skips a canary whose log holds one version, saying which', async () => {
    // The current log was served by v1 alone.
    const r = await runInvestigation(engine, {
      reference,
      current,
      canary: { kind: 'model_column', log: current },
    });
    expect(r.canary).toBeNull();
    expect(r.skipped).toEqual([
      {
        section: 'canary',
        reason:
          "canary: the model column 'model_version' holds one version ('v1'): a canary compares two",
      },
    ]);
  });

  it('runs only the sections asked for, the rest skipped as not asked, with fewer steps', async () => {
    const texts: string[] = [];
    const steps: string[] = [];
    const r = await runInvestigation(
      watched((t) => texts.push(t)),
      { reference, current, sections: ['drift', 'performance'] },
      { onProgress: (p) => steps.push(p.phase) },
    );
    expect(r.drift?.columns.length).toBeGreaterThan(0);
    expect(r.performance).not.toBeNull();
    expect([r.cohorts, r.calibration, r.slices, r.errors]).toEqual([[], null, null, null]);
    expect(r.skipped).toEqual(
      ['cohorts', 'calibration', 'slices', 'errors'].map((section) => ({
        section,
        reason: 'not asked for',
      })),
    );
    expect(steps).toEqual(['drift', 'performance', 'done']);
    // Nothing of the others ran: no slice lattice, no calibration bins.
    expect(texts.some((t) => t.includes('faultline_slices'))).toBe(false);
  });

  it('measures each pin as performance does with the pin as the filter', async () => {
    const pin: Pin = {
      kind: 'cohort',
      name: 'region = APAC',
      predicates: [{ column: 'region', op: '=', value: 'APAC' }],
    };
    const bad: Pin = {
      kind: 'slice',
      name: 'nope = 1',
      predicates: [{ column: 'nope', op: '=', value: 1 }],
    };
    const r = await runInvestigation(engine, { reference, current, pinned: [pin, bad] });
    const alone = await runPerformanceOfTask(engine, current, reference, {
      where: pin.predicates,
      window: 'auto',
    });
    expect(r.pinned[0]).toEqual({ pin, performance: alone, skipped: null });
    expect(r.pinned[1]).toEqual({
      pin: bad,
      performance: null,
      skipped: 'no column named "nope" in the log data to filter on',
    });
  });
});

describe('runInvestigation: progress and stopping', () => {
  it('reports each step, pins and canary included', async () => {
    const seen: Progress[] = [];
    await runInvestigation(
      engine,
      {
        reference,
        current,
        canary: { kind: 'model_column', log: canaryLog },
        pinned: [
          {
            kind: 'cohort',
            name: 'device = ios',
            predicates: [{ column: 'device', op: '=', value: 'ios' }],
          },
        ],
      },
      { onProgress: (p) => seen.push(p) },
    );
    expect(seen.map((p) => [p.phase, p.done, p.total, p.unit])).toEqual(
      [
        'drift',
        'performance',
        'cohorts',
        'pinned',
        'calibration',
        'slices',
        'errors',
        'canary',
        'done',
      ].map((phase, i) => [phase, i, 8, 'steps']),
    );
  });

  it('rejects at once when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    let queries = 0;
    await expect(
      runInvestigation(
        watched(() => queries++),
        { reference, current },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(queries).toBe(0);
  });

  it.each(['faultline_drift', 'faultline_slices', 'faultline_canary'])(
    'a cancel once %s made its temporary table or view rejects and leaves nothing behind',
    async (prefix) => {
      const controller = new AbortController();
      let created = false;
      const cancelling = watched((text) => {
        if (text.startsWith('CREATE TEMP') && text.includes(prefix)) {
          created = true;
          controller.abort();
        }
      });
      await expect(
        runInvestigation(
          cancelling,
          { reference, current, canary: { kind: 'model_column', log: canaryLog } },
          { signal: controller.signal },
        ),
      ).rejects.toMatchObject({ code: 'cancelled' });
      expect(created).toBe(true);
      expect(await leftBehind()).toBe(0);
    },
  );

  it('lets an engine failure and a bug through instead of skipping the analysis', async () => {
    const failing = (error: Error) =>
      watched((text) => {
        if (text.includes('faultline_slices')) throw error;
      });
    const engineError = new FaultlineError({ code: 'engine', message: 'IO Error: disk full' });
    await expect(runInvestigation(failing(engineError), { reference, current })).rejects.toBe(
      engineError,
    );
    const bug = new TypeError('x is undefined');
    await expect(runInvestigation(failing(bug), { reference, current })).rejects.toBe(bug);
    expect(await leftBehind()).toBe(0);
  });
});
