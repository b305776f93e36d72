import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/duckdb.node.ts';
import type { Engine } from '../engine/engine.ts';
import { loadDataset } from '../engine/load-dataset.ts';
import { nodeCodecs } from '../engine/node-sources.node.ts';
import { inferSchema, type DatasetSchema, type SchemaOverrides } from './dataset-schema.ts';
import { pairDatasets } from './pair.ts';

let engine: Engine;
let n = 0;

async function schemaOf(csv: string, overrides: SchemaOverrides = {}): Promise<DatasetSchema> {
  const bytes = new TextEncoder().encode(csv);
  const source = {
    displayName: 'log.csv',
    size: bytes.length,
    handle: { kind: 'bytes' as const, bytes },
    readRange: async (a: number, b: number) => bytes.subarray(a, b),
  };
  const ds = await loadDataset(engine, [source], { tableName: `s${n++}`, codecs: nodeCodecs() });
  return inferSchema(engine, ds, overrides);
}

/** A small binary-classification log: 60 rows, known roles, planted problems. */
function fraudLog(opts: { scoreMax?: number; label?: (i: number) => string } = {}): string {
  const lines = [
    'transaction_id,event_time,amount,region,is_fraud,fraud_score,predicted_fraud,model_version,latency_ms,constant,note',
  ];
  for (let i = 0; i < 60; i++) {
    const fraud = i % 6 === 0 ? 1 : 0;
    const score = i === 5 && opts.scoreMax ? opts.scoreMax : (fraud ? 0.7 : 0.1) + (i % 10) / 100;
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      [
        `tx${i}`,
        `2026-09-${day} 10:00:00`,
        (10 + i * 1.5).toFixed(2),
        ['EU', 'NA', 'APAC'][i % 3],
        opts.label ? opts.label(fraud) : String(fraud),
        score.toFixed(3),
        score >= 0.5 ? 1 : 0,
        'v1',
        String(10 + (i % 13)),
        'same',
        `free text number ${i}`,
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

const roles = (s: DatasetSchema) => Object.fromEntries(s.columns.map((c) => [c.name, c.role]));
const kinds = (s: DatasetSchema) => Object.fromEntries(s.columns.map((c) => [c.name, c.kind]));
const codes = (s: DatasetSchema) => s.warnings.map((w) => `${w.code}:${w.column}`);

beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('inferSchema', () => {
  it('infers roles from names and values, with reasons', async () => {
    const s = await schemaOf(fraudLog());
    expect(roles(s)).toEqual({
      transaction_id: 'id',
      event_time: 'time',
      amount: 'feature',
      region: 'feature',
      is_fraud: 'label',
      fraud_score: 'score',
      predicted_fraud: 'prediction',
      model_version: 'model',
      latency_ms: 'ignored',
      constant: 'ignored',
      note: 'feature',
    });
    const reason = (name: string) => s.columns.find((c) => c.name === name)?.roleReason;
    expect(reason('fraud_score')).toBe("values in [0, 1], named 'fraud_score'");
    expect(reason('transaction_id')).toBe("named 'transaction_id', a unique value in every row");
    expect(reason('is_fraud')).toMatch(/pairs with the prediction column 'predicted_fraud'/);
    expect(s.task).toBe('binary');
    expect(s.label).toMatchObject({ positive: '1', negative: '0' });
    expect(s.rows).toBe(60);
    expect(s.timeSpan).toEqual({ start: Date.UTC(2026, 8, 1, 10), end: Date.UTC(2026, 8, 28, 10) });
  });

  it('decides kinds by the STATS.md rule: numeric needs more than 20 distinct values', async () => {
    const s = await schemaOf(fraudLog());
    expect(kinds(s)).toMatchObject({
      amount: 'numeric',
      latency_ms: 'categorical',
      region: 'categorical',
      event_time: 'datetime',
    });
    const forced = await schemaOf(fraudLog(), { kinds: { latency_ms: 'numeric' } });
    expect(kinds(forced).latency_ms).toBe('numeric');
  });

  it('warns with codes: constant column, score outside [0, 1]', async () => {
    const s = await schemaOf(fraudLog({ scoreMax: 1.7 }));
    expect(codes(s)).toEqual(
      expect.arrayContaining(['constant_column:constant', 'score_out_of_range:fraud_score']),
    );
    expect(s.warnings.find((w) => w.code === 'score_out_of_range')?.message).toMatch(
      /1 value outside \[0, 1\].*max 1\.7/,
    );
  });

  it('maps yes/no labels and says so', async () => {
    // DuckDB's CSV sniffer reads yes/no as BOOLEAN, so they arrive as true/false.
    const s = await schemaOf(fraudLog({ label: (f) => (f ? 'yes' : 'no') }));
    expect(s.task).toBe('binary');
    expect(s.label).toMatchObject({ positive: 'true', negative: 'false' });
    expect(codes(s)).toContain('label_mapped:is_fraud');
    const text = await schemaOf(fraudLog({ label: (f) => (f ? 'Y' : 'N') }));
    expect(text.label).toMatchObject({ positive: 'Y', negative: 'N' });
  });

  it('takes the rarer value as positive for an unknown pair, unless --positive says otherwise', async () => {
    const s = await schemaOf(fraudLog({ label: (f) => (f ? 'fraud' : 'legit') }));
    expect(s.label).toMatchObject({ positive: 'fraud', negative: 'legit' });
    const chosen = await schemaOf(fraudLog({ label: (f) => (f ? 'fraud' : 'legit') }), {
      positive: 'legit',
    });
    expect(chosen.label).toMatchObject({ positive: 'legit', negative: 'fraud' });
    await expect(schemaOf(fraudLog(), { positive: 'maybe' })).rejects.toMatchObject({
      code: 'bad_argument',
      message: expect.stringMatching(/has no such value/),
    });
  });

  it('applies role overrides, moving the inferred column aside', async () => {
    const s = await schemaOf(fraudLog(), { roles: { predicted_fraud: 'label' } });
    expect(roles(s).predicted_fraud).toBe('label');
    expect(roles(s).is_fraud).toBe('feature');
    expect(s.columns.find((c) => c.name === 'is_fraud')?.roleReason).toBe(
      "was label; the user chose 'predicted_fraud'",
    );
  });

  it('names an unknown override column', async () => {
    await expect(schemaOf(fraudLog(), { roles: { nope: 'label' } })).rejects.toMatchObject({
      code: 'unknown_column',
      column: 'nope',
    });
  });

  it('flags duplicate ids, high null rates, unparseable timestamps, NaN', async () => {
    const csv = ['id,created_at,x,score,label'];
    for (let i = 0; i < 40; i++) {
      csv.push(
        [
          i < 38 ? `r${i}` : 'r0',
          i === 7 ? 'not a date' : `2026-09-0${1 + (i % 9)} 12:00:00`,
          i % 2 ? '' : i === 4 ? 'NaN' : String(i),
          (i / 40).toFixed(3),
          i % 2,
        ].join(','),
      );
    }
    const s = await schemaOf(csv.join('\n') + '\n');
    expect(codes(s)).toEqual(
      expect.arrayContaining([
        'duplicate_ids:id',
        'high_null_rate:x',
        'unparseable_timestamp:created_at',
        'non_finite_values:x',
      ]),
    );
    expect(s.warnings.find((w) => w.code === 'duplicate_ids')?.message).toMatch(
      /2 rows share an id/,
    );
    expect(s.warnings.find((w) => w.code === 'unparseable_timestamp')?.message).toMatch(
      /1 of 40 values are not timestamps/,
    );
  });

  it("warns when a binary log's label has three values", async () => {
    const three = ['label,score'];
    for (let i = 0; i < 30; i++) three.push(`${i % 3},${(i / 30).toFixed(2)}`);
    const t = await schemaOf(three.join('\n') + '\n');
    expect(codes(t)).toContain('label_not_binary:label');
    expect(t.warnings.find((w) => w.code === 'label_not_binary')?.message).toBe(
      "label 'label' has 3 values (0, 1, 2), but a binary log with one score column needs exactly two",
    );
    const forced = await schemaOf(three.join('\n') + '\n', { task: 'binary' });
    expect(codes(forced)).toContain('label_not_binary:label');
  });

  it('reports a log with no label', async () => {
    const s = await schemaOf('a,b\n1,2\n3,4\n');
    expect(s.task).toBeNull();
    expect(codes(s)).toContain('missing_label:null');
  });

  it('recognises multiclass per-class probability columns and regression', async () => {
    const mc = ['label,prob_cat,prob_dog,prob_bird,x'];
    for (let i = 0; i < 30; i++) mc.push(`${['cat', 'dog', 'bird'][i % 3]},0.5,0.3,0.2,${i}`);
    const m = await schemaOf(mc.join('\n') + '\n');
    expect(m.task).toBe('multiclass');
    expect(m.columns.filter((c) => c.role === 'score').map((c) => c.scoresClass)).toEqual([
      'cat',
      'dog',
      'bird',
    ]);
    const rg = ['target,prediction,x'];
    for (let i = 0; i < 30; i++) rg.push(`${i * 1.5},${i * 1.4},${i}`);
    const r = await schemaOf(rg.join('\n') + '\n');
    expect(r.task).toBe('regression');
    expect(roles(r)).toMatchObject({ target: 'label', prediction: 'prediction', x: 'feature' });
  });
});

describe('pairDatasets', () => {
  it('lists matched, one-sided and mismatched columns', async () => {
    const ref = await schemaOf('a,b,c\n1,x,1\n2,y,2\n');
    const cur = await schemaOf('a,b,d\n1,3,1\n2,4,2\n');
    const p = pairDatasets(ref, cur);
    expect(p.matched.map((m) => m.name)).toEqual(['a']);
    expect(p.referenceOnly).toEqual(['c']);
    expect(p.currentOnly).toEqual(['d']);
    expect(p.typeMismatches).toEqual([
      expect.objectContaining({ name: 'b', referenceType: 'VARCHAR', currentType: 'BIGINT' }),
    ]);
    expect(p.roleMismatches).toEqual([]);
  });

  it('names matched columns that play a different part on each side', async () => {
    const csv = 'y,fraud_score,f\n0,0.1,1\n1,0.9,2\n0,0.2,3\n';
    const ref = await schemaOf(csv);
    const cur = await schemaOf(csv, {
      roles: { fraud_score: 'label', y: 'ignored', f: 'ignored' },
    });
    const p = pairDatasets(ref, cur);
    // f: feature ↔ ignored compares fine; the label moved from y to the score column.
    expect(p.roleMismatches).toEqual([
      {
        name: 'y',
        referenceRole: 'label',
        currentRole: 'ignored',
        message: "'y' is label in the reference but ignored in the current data",
      },
      {
        name: 'fraud_score',
        referenceRole: 'score',
        currentRole: 'label',
        message: "'fraud_score' is score in the reference but label in the current data",
      },
    ]);
  });
});
