// The canary analysis on hand-made logs: column names that are SQL's own words or hold spaces and
// quotes; segments and windows that select exactly their rows (each equals a run filtered to it);
// how success is read from a status column; logs without labels; bad requests; cancelling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../engine/arrow-columns.ts';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine, Progress } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { sql, table } from '../../sql/sql.ts';
import { loadCsvText } from '../../../test-support/csv-table.ts';
import {
  canarySpecFromFiles,
  canarySpecFromModelColumn,
  type CanarySpecOptions,
} from './canary-spec.ts';
import { canaryMetrics } from './canary-guardrails.ts';
import { successRule, successSql } from './canary-success.ts';
import type { CanaryCheck } from './canary-result.ts';
import { runCanary } from './run-canary.ts';

/** A deterministic generator (xorshift), so the log is the same on every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** 2,400 rows over four days; version b is worse for `select` = z and a little slower. */
function oddLog(): string {
  const r = random(7);
  const header = [
    'row id',
    'model version',
    'select',
    'user "type"',
    'when',
    'y',
    'p score',
    'lat ms',
    'status',
  ];
  const lines = [header.map(csvCell).join(',')];
  for (let i = 0; i < 2400; i++) {
    const version = i % 2 === 0 ? 'a' : 'b';
    const select = ['x', 'y', 'z'][Math.floor(r() * 3)] ?? 'x';
    const type = r() < 0.3 ? 'new' : 'returning';
    const y = r() < 0.3 ? 1 : 0;
    const weak = version === 'b' && select === 'z';
    const p = Math.min(
      0.999,
      Math.max(0.001, y === 1 ? (weak ? 0.35 : 0.7) + 0.3 * (r() - 0.5) : 0.3 * r()),
    );
    const lat = Math.round(40 + 60 * r() + (version === 'b' ? 8 : 0));
    const status = r() < 0.01 ? 'error' : 'ok';
    const day = 1 + Math.floor(i / 600);
    lines.push(
      [`id${i}`, version, select, type, `2026-01-0${day} 12:00:00`, y, p.toFixed(3), lat, status]
        .map((v) => csvCell(String(v)))
        .join(','),
    );
  }
  return lines.join('\n');
}

let engine: Engine;
let odd: DatasetSchema;
beforeAll(async () => {
  engine = await createNodeEngine();
  odd = await loadCsvText(engine, oddLog(), 'odd', {
    task: 'binary',
    positive: '1',
    roles: {
      'row id': 'id',
      'model version': 'model',
      y: 'label',
      'p score': 'score',
      select: 'feature',
      'user "type"': 'feature',
    },
    kinds: { select: 'categorical', 'user "type"': 'categorical' },
  });
});
afterAll(async () => {
  await engine.close();
});

const versions = { baseline: 'a', canary: 'b' };

/** The odd log's rows read as one model's file (its version column ignored). */
const asOneModel = (csv: string, name: string) =>
  loadCsvText(engine, csv, name, {
    task: 'binary',
    positive: '1',
    roles: {
      'row id': 'id',
      y: 'label',
      'p score': 'score',
      select: 'feature',
      'model version': 'ignored',
    },
    kinds: { select: 'categorical' },
  });
const options: CanarySpecOptions = { latency: 'lat ms', success: 'status' };
const oddRun = (more: CanarySpecOptions = {}) =>
  runCanary(engine, canarySpecFromModelColumn(odd, versions, { ...options, ...more }));

/** The values and tests of a check, without what depends on the other checks (q, order). */
const measured = (c: CanaryCheck | undefined) => ({
  counts: c?.counts,
  baseline: c?.baseline,
  canary: c?.canary,
  statistic: c?.statistic,
  p: c?.p,
});

describe('runCanary on a log with odd column names', () => {
  it('checks each segment of `select` and `user "type"` on exactly its rows', async () => {
    const r = await oddRun();
    expect(r.segments).toEqual(['select', 'user "type"']);
    expect(r.columns).toMatchObject({ id: 'row id', latency: 'lat ms', success: 'status' });
    const names = [...new Set(r.checks.map((c) => c.segment.name))];
    expect(names.sort()).toEqual([
      'all',
      'select = x',
      'select = y',
      'select = z',
      'user "type" = new',
      'user "type" = returning',
    ]);
    for (const s of names.filter((n) => n !== 'all')) {
      const c = r.checks.find((x) => x.segment.name === s && x.metric === 'recall');
      const alone = await oddRun({ where: c?.segment.predicates ?? [] });
      for (const metric of canaryMetrics.filter(
        (m) => !m.includes('_ceiling') && !m.includes('_floor'),
      )) {
        const ours = r.checks.find((x) => x.segment.name === s && x.metric === metric);
        const there = alone.checks.find((x) => x.segment.name === 'all' && x.metric === metric);
        expect(measured(ours), `${s} ${metric}`).toEqual(measured(there));
      }
    }
  });

  it('fails the weak segment: version b lost recall on select = z', async () => {
    const r = await oddRun();
    expect(r.verdict).toBe('FAIL');
    const failedRecall = r.checks.filter((c) => c.metric === 'recall' && c.passed === false);
    expect(failedRecall.map((c) => c.segment.name)).toContain('select = z');
    expect(failedRecall.map((c) => c.segment.name)).not.toContain('select = x');
    expect(r.failing[0]).toMatch(/: recall fell from/);
  });

  it('judges each window on its rows alone (a run filtered to that day measures the same)', async () => {
    const r = await oddRun({ window: 'day' });
    expect(r.timeline?.windows.map((w) => w.window)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
    ]);
    const day = r.timeline?.windows[1];
    const alone = await oddRun({
      where: [
        { column: 'when', op: '>=', value: '2026-01-02' },
        { column: 'when', op: '<', value: '2026-01-03' },
      ],
    });
    expect(day?.rows).toEqual({ baseline: alone.rows.baseline, canary: alone.rows.canary });
    for (const c of alone.checks.filter((x) => x.tolerance_kind !== 'ceiling')) {
      const ours = day?.checks.find(
        (x) => x.segment.name === c.segment.name && x.metric === c.metric,
      );
      expect(measured(ours), `${c.segment.name} ${c.metric}`).toEqual(measured(c));
    }
  });

  it('pairs the rows by id when both sides hold the same ids (shadow), unless told otherwise', async () => {
    const base = await asOneModel(oddLog(), 'odd_again');
    const shadow = await runCanary(engine, canarySpecFromFiles(odd, base, options));
    expect(shadow.design).toBe('shadow');
    expect(shadow.rows.joined).toBe(2400);
    expect(shadow.checks.find((c) => c.metric === 'latency_p99')?.test).toMatch(/^Wilcoxon/);
    const split = await runCanary(
      engine,
      canarySpecFromFiles(odd, base, { ...options, design: 'split' }),
    );
    expect(split.design).toBe('split');
    expect(split.design_reason).toMatch(/^asked for split/);
    expect(split.checks.find((c) => c.metric === 'latency_p99')?.test).toMatch(/^Mann-Whitney/);
  });

  it('judges a shadow of partly shared ids on the shared rows only', async () => {
    const lines = oddLog().split('\n');
    const part = await asOneModel(lines.slice(0, 1801).join('\n'), 'odd_part');
    const auto = await runCanary(engine, canarySpecFromFiles(odd, part, options));
    expect(auto.design).toBe('split');
    expect(auto.design_reason).toMatch(/different numbers of rows \(2,400 and 1,800\)/);
    const shadow = await runCanary(
      engine,
      canarySpecFromFiles(odd, part, { ...options, design: 'shadow' }),
    );
    expect(shadow.rows).toEqual({ baseline: 2400, canary: 1800, joined: 1800 });
    const accuracy = shadow.checks.find((c) => c.segment.name === 'all' && c.metric === 'accuracy');
    expect([accuracy?.counts?.baseline[1], accuracy?.counts?.canary[1]]).toEqual([1800, 1800]);
    const table = accuracy?.paired;
    const pairs = table ? Object.values(table).reduce((a, b) => a + b, 0) : 0;
    expect(pairs).toBe(1800);
  });
});

describe('runCanary on a multiclass log', () => {
  /** 900 rows a version, three classes; version b confuses 'bird' with 'cat' more often. */
  function multiclassRows() {
    const r = random(11);
    const classes = ['cat', 'dog', 'bird'];
    return Array.from({ length: 1800 }, (_, i) => {
      const version = i < 900 ? 'a' : 'b';
      const label = classes[Math.floor(r() * 3)] ?? 'cat';
      const wrong = r() < (version === 'b' && label === 'bird' ? 0.45 : 0.15);
      const predicted = wrong ? (classes.find((c) => c !== label) ?? 'cat') : label;
      const region = r() < 0.5 ? 'north' : 'south';
      return {
        id: `m${i % 900}`,
        version,
        label,
        predicted,
        region,
        lat: 30 + Math.floor(r() * 50),
      };
    });
  }

  it('checks accuracy per segment (z-test, or McNemar on the same rows), with counts as the rows say', async () => {
    const rows = multiclassRows();
    const csv = [
      'id,version,label,predicted,region,latency_ms',
      ...rows.map((x) => [x.id, x.version, x.label, x.predicted, x.region, x.lat].join(',')),
    ].join('\n');
    const log = await loadCsvText(engine, csv, 'multiclass_log', {
      task: 'multiclass',
      roles: {
        id: 'id',
        version: 'model',
        label: 'label',
        predicted: 'prediction',
        region: 'feature',
      },
      kinds: { region: 'categorical' },
    });
    const r = await runCanary(engine, canarySpecFromModelColumn(log, versions));
    expect(r.skipped.map((x) => x.reason)).toContain(
      'a multiclass log: accuracy is checked (recall, precision and AUC are binary metrics)',
    );
    const right = (version: string, region?: string) => {
      const mine = rows.filter(
        (x) => x.version === version && (region === undefined || x.region === region),
      );
      return [mine.filter((x) => x.label === x.predicted).length, mine.length];
    };
    for (const [segment, region] of [
      ['all', undefined],
      ['region = north', 'north'],
      ['region = south', 'south'],
    ] as const) {
      const c = r.checks.find((x) => x.segment.name === segment && x.metric === 'accuracy');
      expect(c?.counts).toEqual({ baseline: right('a', region), canary: right('b', region) });
      expect(c?.test).toBe('McNemar (no continuity correction)');
    }
    expect(new Set(r.checks.map((c) => c.metric))).toEqual(
      new Set(['accuracy', 'latency_p99', 'latency_p99_ceiling']),
    );
    // The same ids on both sides: paired. Baseline-only-right pairs counted from the rows.
    const all = r.checks.find((x) => x.segment.name === 'all' && x.metric === 'accuracy');
    const onlyA = rows.filter(
      (x, i) =>
        i < 900 && x.label === x.predicted && rows[i + 900]?.label !== rows[i + 900]?.predicted,
    );
    expect(r.design).toBe('shadow');
    expect(all?.paired?.baseline_only_correct).toBe(onlyA.length);
    const split = await runCanary(
      engine,
      canarySpecFromModelColumn(log, versions, { design: 'split' }),
    );
    expect(
      split.checks.find((x) => x.segment.name === 'all' && x.metric === 'accuracy')?.test,
    ).toBe('two-proportion z (pooled)');
  });
});

describe('what success means in a status column', () => {
  it('reads flags, error columns, HTTP codes and status words', async () => {
    await engine.query(sql`CREATE TABLE statuses AS SELECT * FROM (VALUES
      (1, true, NULL, 200, 'OK'), (2, false, 'timeout', 503, 'error'), (3, NULL, '', 302, '200'),
      (4, true, '0', 404, 'success'), (5, false, 'false', NULL, NULL)) t(i, ok, error_code, http_status, status)`);
    const read = async (column: string, type: string) => {
      const rule = successRule({ name: column, type });
      const rows = readRows(
        await engine.query(
          sql`SELECT ${successSql(column, rule)} AS s FROM ${table('statuses')} ORDER BY i`,
        ),
      );
      return rows.map((r) => r.s);
    };
    expect(await read('ok', 'BOOLEAN')).toEqual([true, false, null, true, false]);
    expect(await read('error_code', 'VARCHAR')).toEqual([true, false, true, true, true]);
    expect(await read('http_status', 'INTEGER')).toEqual([true, false, true, false, null]);
    expect(await read('status', 'VARCHAR')).toEqual([true, false, true, true, null]);
  });
});

describe('runCanary without labels, and bad requests', () => {
  it('checks latency and success alone when the log has no label', async () => {
    const unlabelled = await loadCsvText(engine, oddLog(), 'unlabelled', {
      roles: { y: 'ignored', 'p score': 'ignored', 'model version': 'model', select: 'feature' },
      kinds: { select: 'categorical' },
    });
    const r = await runCanary(engine, canarySpecFromModelColumn(unlabelled, versions, options));
    expect(new Set(r.checks.map((c) => c.metric))).toEqual(
      new Set(['success_rate', 'latency_p99', 'latency_p99_ceiling', 'success_rate_floor']),
    );
    expect(r.skipped[0]?.metric).toBe('model');
    expect(() =>
      canarySpecFromModelColumn(unlabelled, versions, { ...options, latency: undefined }),
    ).not.toThrow();
  });

  it('refuses a comparison with nothing to check: no label, latency or success column', async () => {
    const bare = await loadCsvText(engine, oddLog(), 'bare', {
      roles: {
        y: 'ignored',
        'p score': 'ignored',
        'model version': 'model',
        status: 'feature',
        'lat ms': 'feature',
      },
    });
    expect(() => canarySpecFromModelColumn(bare, versions)).toThrow(
      /canary: nothing to compare: no label column in the baseline, and no latency or success column/,
    );
  });

  it('says which version has no rows', async () => {
    await expect(
      runCanary(engine, canarySpecFromModelColumn(odd, { baseline: 'a', canary: 'c' }, options)),
    ).rejects.toMatchObject({
      code: 'no_rows',
      message: "canary: the canary has no rows (model version = 'c'; the log holds 'a', 'b')",
    });
  });

  it('refuses segments that leak the answer or have too many values, and a shadow without ids', () => {
    expect(() => canarySpecFromModelColumn(odd, versions, { by: ['y'] })).toThrow(
      /'y' is the label/,
    );
    expect(() => canarySpecFromModelColumn(odd, versions, { by: ['row id'] })).toThrow(
      /has 2400 values/,
    );
    expect(() => canarySpecFromModelColumn(odd, versions, { by: ['nope'] })).toThrow(
      /no segment column named "nope"/,
    );
    expect(() => canarySpecFromModelColumn(odd, { baseline: 'a', canary: 'a' })).toThrow(
      /both 'a'/,
    );
    expect(() => canarySpecFromModelColumn(odd, versions, { latency: 'select' })).toThrow(
      /not a number/,
    );
  });

  it('reports progress; a cancelled run stops and leaves no view behind', async () => {
    const seen: Progress[] = [];
    await runCanary(engine, canarySpecFromModelColumn(odd, versions, options), {
      onProgress: (p) => seen.push(p),
    });
    expect(seen.at(-1)).toMatchObject({ done: 7, total: 7, unit: 'steps' });
    const controller = new AbortController();
    await expect(
      runCanary(engine, canarySpecFromModelColumn(odd, versions, options), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'checking the population') controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    const left = readRows(
      await engine.query(
        sql`SELECT count(*)::DOUBLE AS n FROM duckdb_views() WHERE view_name LIKE 'faultline_canary%'`,
      ),
    );
    expect(left[0]?.n).toBe(0);
  });
});
