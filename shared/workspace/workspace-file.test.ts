import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDRAILS } from '../analyses/canary/canary-guardrails.ts';
import { FaultlineError } from '../errors.ts';
import {
  compareInputs,
  parseWorkspace,
  workspaceToJson,
  type Workspace,
  type WorkspaceFile,
} from './workspace-file.ts';

const hashA = '3f2a'.padEnd(64, '0');
const hashB = '9b1c'.padEnd(64, '1');

const production: WorkspaceFile = {
  side: 'current',
  name: 'production.parquet',
  path: '/data/prod/production.parquet',
  sha256: hashA,
  size: 123_456_789,
  rows: 10_000_000,
  format: 'parquet',
};

const training: WorkspaceFile = {
  side: 'reference',
  name: 'training.csv',
  path: null,
  sha256: hashB,
  size: 4096,
  rows: 120,
  format: 'csv',
};

function fullWorkspace(): Workspace {
  return {
    version: 1,
    saved_at: '2025-06-01T12:30:00.000Z',
    files: [training, production],
    overrides: {
      current: { roles: { 'p(fraud)': 'score', is_fraud: 'label' }, kinds: { zip: 'categorical' } },
      reference: { task: 'binary', positive: 'yes' },
    },
    cohort: [
      { column: 'region', op: '=', value: 'EU' },
      { column: 'device', op: 'IN', value: ['ios', 'android', null] },
    ],
    canary: {
      baseline: 'v1',
      canary: 'v2',
      by: ['region'],
      design: 'auto',
      window: 'week',
      guardrails: { ...DEFAULT_GUARDRAILS, population_psi_max: 0.3 },
      picked: { from: [], cohort: [{ column: 'region', op: '=', value: 'APAC' }] },
    },
    choices: {
      performance: { by: ['region'], metric: null, window: 'auto', focus: null },
      slices: { k: 10, maxLevel: 2, alpha: 0.95, minSupport: null, picked: null },
    },
    pins: [
      {
        kind: 'slice',
        name: 'region = APAC',
        predicates: [{ column: 'region', op: '=', value: 'APAC' }],
      },
    ],
    notes: 'Recall fell in APAC after the 3rd.\nCheck the new device mix.',
    active_view: 'canary',
  };
}

const minimal = { version: 1, saved_at: '2025-06-01T12:30:00Z', files: [production] };

/** `minimal` with `field` (a dotted path; numbers index arrays) set to `value`. */
function withField(base: unknown, field: string, value: unknown): string {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = field.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1) ?? ''] = value;
  return JSON.stringify(copy);
}

describe('workspaceToJson and parseWorkspace', () => {
  it('round-trips every field', () => {
    const w = fullWorkspace();
    const text = workspaceToJson(w);
    expect(parseWorkspace(text, 'w.faultline.json')).toEqual(w);
    expect(workspaceToJson(parseWorkspace(text, 'w.faultline.json'))).toBe(text);
  });

  it('is pretty, ends in a newline and keeps the format order whatever the input order', () => {
    const w = fullWorkspace();
    const shuffled = Object.fromEntries(Object.entries(w).reverse()) as Workspace;
    const reordered: Workspace = {
      ...shuffled,
      overrides: {
        current: {
          kinds: { zip: 'categorical' },
          roles: { is_fraud: 'label', 'p(fraud)': 'score' },
        },
        reference: w.overrides.reference ?? {},
      },
      choices: {
        slices: { picked: null, minSupport: null, alpha: 0.95, maxLevel: 2, k: 10 },
        performance: w.choices.performance ?? {},
      },
    };
    const text = workspaceToJson(reordered);
    expect(text).toBe(workspaceToJson(w));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "version": 1,');
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'version',
      'saved_at',
      'files',
      'overrides',
      'cohort',
      'canary',
      'choices',
      'pins',
      'notes',
      'active_view',
    ]);
    expect(text.indexOf('"is_fraud"')).toBeLessThan(text.indexOf('"p(fraud)"'));
    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"k"'));
  });

  it('fills the defaults of a minimal file', () => {
    expect(parseWorkspace(JSON.stringify(minimal), 'min.faultline.json')).toEqual({
      ...minimal,
      overrides: {},
      cohort: [],
      canary: null,
      choices: {},
      pins: [],
      notes: '',
      active_view: null,
    });
  });

  it('fills guardrail fields an older or hand-written file leaves out', () => {
    const w = fullWorkspace();
    const text = withField(JSON.parse(workspaceToJson(w)), 'canary.guardrails', {
      ceilings: { latency_p99_ms_max: 250 },
    });
    const canary = parseWorkspace(text, 'w.faultline.json').canary;
    expect(canary?.guardrails).toEqual({
      ...DEFAULT_GUARDRAILS,
      ceilings: { ...DEFAULT_GUARDRAILS.ceilings, latency_p99_ms_max: 250 },
    });
  });

  it('refuses to write a workspace with a bad field, naming it', () => {
    const w = fullWorkspace();
    const bad = { ...w, files: [{ ...production, sha256: 'abc' }] };
    expect(() => workspaceToJson(bad)).toThrow(/^workspace: files\.0\.sha256: not a sha256/);
  });

  it.each([
    ['{', 'malformed_json', /^w\.faultline\.json: not valid JSON/],
    ['', 'malformed_json', /not valid JSON/],
    ['[1, 2]', 'bad_argument', /not a Faultline workspace \(expected a JSON object/],
    ['null', 'bad_argument', /not a Faultline workspace/],
    ['{"files": []}', 'bad_argument', /no "version" field/],
  ])('refuses %j as not a workspace', (text, code, message) => {
    const failure = () => parseWorkspace(text, 'w.faultline.json');
    expect(failure).toThrow(FaultlineError);
    expect(failure).toThrow(message);
    expect(failure).toThrowError(expect.objectContaining({ code, file: 'w.faultline.json' }));
  });

  it('says a newer version needs a newer Faultline, and an odd one is not a version', () => {
    expect(() => parseWorkspace(withField(minimal, 'version', 2), 'w.faultline.json')).toThrow(
      'w.faultline.json: version 2 was written by a newer Faultline; this one reads version 1: update Faultline to open it',
    );
    expect(() => parseWorkspace(withField(minimal, 'version', '1'), 'w.faultline.json')).toThrow(
      'w.faultline.json: version: "1" is not a workspace version (this Faultline reads version 1)',
    );
    expect(() => parseWorkspace(withField(minimal, 'version', 0), 'a.json')).toThrow(
      /^a\.json: version: 0 is not a workspace version/,
    );
  });

  it.each([
    ['saved_at', '1 June 2025', /^w\.faultline\.json: saved_at: /],
    ['files.0.side', 'training', /files\.0\.side: /],
    ['files.0.sha256', hashA.toUpperCase(), /files\.0\.sha256: not a sha256/],
    ['files.0.size', -1, /files\.0\.size: /],
    ['files.0.rows', 1.5, /files\.0\.rows: /],
    ['files.0.format', 'xlsx', /files\.0\.format: /],
    ['files.0.path', 'data/prod.parquet', /files\.0\.path: not an absolute path/],
    ['files.0.name', '', /files\.0\.name: /],
    ['files.0.extra', true, /files\.0: Unrecognized key: "extra"/],
    ['overrides', { staging: {} }, /overrides: Unrecognized key: "staging"/],
    ['overrides', { current: { roles: { a: 'target' } } }, /overrides\.current\.roles\.a: /],
    ['cohort', [{ column: 'a', op: 'LIKE', value: 'x' }], /cohort\.0\.op: /],
    ['cohort', [{ column: 'a', op: 'IN', value: 'x' }], /cohort\.0\.value: IN takes a list/],
    ['cohort', [{ column: 'a', op: '=', value: [1] }], /cohort\.0\.value: IN takes a list/],
    ['cohort', [{ column: '', op: '=', value: 1 }], /cohort\.0\.column: /],
    ['pins', [{ kind: 'view', name: 'x', predicates: [] }], /pins\.0\.kind: /],
    ['notes', 42, /notes: /],
    ['active_view', '../drift', /active_view: not a view id/],
    ['choices', { 'bad name': {} }, /choices\.bad name: not a view name/],
    ['choices', { slices: [1, 2] }, /choices\.slices: expected an object/],
    [
      'choices',
      { slices: { k: { a: [1, { ['k'.repeat(257)]: 1 }] } } },
      /choices\.slices\.k\.a\.1: a key longer than 256 characters/,
    ],
    ['extra', 1, /the top level: Unrecognized key: "extra"/],
  ])('refuses a bad %s, naming the field', (field, value, message) => {
    const failure = () => parseWorkspace(withField(minimal, field, value), 'w.faultline.json');
    expect(failure).toThrow(message);
    expect(failure).toThrowError(expect.objectContaining({ code: 'bad_argument' }));
  });

  it('checks the canary guardrails by their own rules, naming the field inside them', () => {
    const text = withField(JSON.parse(workspaceToJson(fullWorkspace())), 'canary.guardrails', {
      tolerances: { auc_absolute: 2 },
    });
    expect(() => parseWorkspace(text, 'w.faultline.json')).toThrow(
      /^w\.faultline\.json: canary\.guardrails: tolerances\.auc_absolute: /,
    );
  });

  it('keeps hostile text as data and refuses keys that would reach a prototype', () => {
    const hostile = '"; DROP TABLE x; -- <script>alert(1)</script> \u202e\u{1F4A3} \\ \' `';
    const w: Workspace = {
      ...fullWorkspace(),
      notes: `${hostile}\n\t${'\u0000'}`,
      cohort: [{ column: hostile, op: '=', value: hostile }],
      pins: [{ kind: 'cohort', name: hostile, predicates: [] }],
      choices: { performance: { by: [hostile], [hostile]: hostile } },
    };
    expect(parseWorkspace(workspaceToJson(w), 'w.faultline.json')).toEqual(w);

    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `{"version":1,"saved_at":"2025-06-01T00:00:00Z","files":[],"choices":{"slices":{"a":{"${key}":{"polluted":true}}}}}`;
      expect(() => parseWorkspace(text, 'w.faultline.json')).toThrow(
        `w.faultline.json: choices.slices.a: the key "${key}"`,
      );
    }
    const top = '{"version":1,"saved_at":"2025-06-01T00:00:00Z","files":[],"__proto__":{"x":1}}';
    expect(() => parseWorkspace(top, 'w.faultline.json')).toThrow(/Unrecognized key: "__proto__"/);
    expect(({} as { polluted?: boolean; x?: number }).polluted).toBeUndefined();
  });

  it('refuses control characters in names and paths, and deep, huge or infinite loose records', () => {
    const infinite = `{"version":1,"saved_at":"2025-06-01T00:00:00Z","files":[],"choices":{"slices":{"x":1e400}}}`;
    expect(() => parseWorkspace(infinite, 'w.json')).toThrow(
      'w.json: choices.slices.x: Infinity is not a finite number',
    );
    expect(() =>
      parseWorkspace(withField(minimal, 'files.0.name', 'a\u001b[31mred.csv'), 'w.json'),
    ).toThrow(/files\.0\.name: control characters/);
    expect(() =>
      parseWorkspace(withField(minimal, 'files.0.path', '/data/a\nb.csv'), 'w.json'),
    ).toThrow(/files\.0\.path: control characters/);
    let deep: unknown = 1;
    for (let i = 0; i < 20; i += 1) deep = { d: deep };
    expect(() => parseWorkspace(withField(minimal, 'choices', { slices: deep }), 'w.json')).toThrow(
      /choices\.slices(\.d)+: nested deeper than 12 levels/,
    );
    const long = { slices: { text: 'x'.repeat(100_001) } };
    expect(() => parseWorkspace(withField(minimal, 'choices', long), 'w.json')).toThrow(
      /choices\.slices\.text: text longer than 100000 characters/,
    );
  });

  it('accepts Windows and UNC paths and a saved_at with an offset', () => {
    const w = parseWorkspace(
      JSON.stringify({
        ...minimal,
        saved_at: '2025-06-01T14:30:00+02:00',
        files: [
          { ...production, path: 'C:\\data\\prod.parquet' },
          { ...production, path: '\\\\server\\share\\prod.parquet' },
        ],
      }),
      'w.json',
    );
    expect(w.files.map((f) => f.path)).toEqual([
      'C:\\data\\prod.parquet',
      '\\\\server\\share\\prod.parquet',
    ]);
  });
});

describe('compareInputs', () => {
  it('says which inputs are the same, changed or missing, in words', () => {
    const checks = compareInputs(
      [training, production],
      [
        { side: 'current', sha256: hashB, path: '/data/prod/production.parquet' },
        { side: 'reference', sha256: hashB, path: null },
      ],
    );
    expect(checks).toEqual([
      {
        side: 'reference',
        name: 'training.csv',
        status: 'same',
        saved_sha256: hashB,
        found_sha256: hashB,
        message: 'training.csv is the file the workspace was saved with (sha256 9b1c…)',
      },
      {
        side: 'current',
        name: 'production.parquet',
        status: 'changed',
        saved_sha256: hashA,
        found_sha256: hashB,
        message:
          'production.parquet changed since the workspace was saved (sha256 3f2a… → 9b1c…): its numbers will differ',
      },
    ]);
  });

  it('calls a null hash or nothing found missing, saying where the file was', () => {
    const checks = compareInputs(
      [production, training],
      [{ side: 'current', sha256: null, path: '/data/prod/production.parquet' }],
    );
    expect(checks.map((c) => [c.status, c.found_sha256, c.message])).toEqual([
      ['missing', null, 'production.parquet is missing (it was at /data/prod/production.parquet)'],
      [
        'missing',
        null,
        'training.csv is missing (the workspace was saved in a browser, which keeps no paths: open the file again)',
      ],
    ]);
  });

  it('lengthens the short hashes until they differ', () => {
    const other = `${hashA.slice(0, 6)}ff`.padEnd(64, '2');
    const [check] = compareInputs([production], [{ side: 'current', sha256: other, path: null }]);
    expect(check?.message).toContain('(sha256 3f2a0000… → 3f2a00ff…)');
  });

  it('pairs several files of one side in order', () => {
    const part = (n: number, sha256: string): WorkspaceFile => ({
      ...production,
      side: 'log',
      name: `part-${n}.parquet`,
      sha256,
    });
    const checks = compareInputs(
      [part(1, hashA), part(2, hashB)],
      [
        { side: 'log', sha256: hashA, path: null },
        { side: 'log', sha256: hashA, path: null },
      ],
    );
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ['part-1.parquet', 'same'],
      ['part-2.parquet', 'changed'],
    ]);
    expect(compareInputs([], [])).toEqual([]);
  });
});
