// The exhaustive SliceLine oracle against ../shared/reference/sliceline.json (Python's
// `sliceline_exhaustive` over sliceline_data.csv): the oracle that run-slices.oracle.test.ts
// trusts is itself checked here, with `amount_bin` as a categorical column and with `amount` cut
// into its own 5 equal-mass bins.
import { describe, expect, it } from 'vitest';
import { closeTo, expectClose } from './reference.ts';
import {
  readSlicelineData,
  slicelineCase,
  slicelineTolerance,
  type SlicelineRun,
  type SlicelineSlice,
} from './sliceline-reference.ts';
import {
  compareCodePoints,
  compareSlices,
  oracleEdges,
  slicelineOracle,
  type OracleColumn,
  type OracleResult,
} from './sliceline-oracle.ts';

const refCase = slicelineCase;

const data = readSlicelineData();
const errors = data.map((r) => Number(r[refCase.inputs.error_column]));

function run(runIndex: number, columns: OracleColumn[]): { run: SlicelineRun; got: OracleResult } {
  const refRun = refCase.runs[runIndex] as SlicelineRun;
  const got = slicelineOracle({
    rows: data,
    columns,
    errors,
    alpha: refRun.params.alpha,
    k: refRun.params.k,
    maxLevel: refRun.params.max_level,
    minSupport: refRun.params.min_support,
  });
  return { run: refRun, got };
}

/** The expected slices with `amount_bin` renamed (the amount column cut by the oracle). */
const renamed = (s: SlicelineSlice, from: string, to: string): SlicelineSlice => ({
  ...s,
  text: s.text.replaceAll(`${from} = `, `${to} = `),
  predicates: s.predicates.map((p) => (p.column === from ? { ...p, column: to } : p)),
});

function expectSame(got: OracleResult, expected: SlicelineSlice[], numeric: string | null): void {
  expect(got.slices.map((s) => s.text)).toEqual(expected.map((s) => s.text));
  got.slices.forEach((s, i) => {
    const e = expected[i] as SlicelineSlice;
    expect(s.level).toBe(e.level);
    expect(s.size).toBe(e.size);
    expect(s.error_sum).toBe(e.error_sum);
    expect(s.rows).toHaveLength(s.size);
    expect(
      closeTo(s.error, e.error, slicelineTolerance),
      `${e.text} error: ${s.error} vs ${e.error}`,
    ).toBe(true);
    expect(
      closeTo(s.score, e.score, slicelineTolerance),
      `${e.text} score: ${s.score} vs ${e.score}`,
    ).toBe(true);
    expect(
      s.terms.map((t) => ({
        column: t.column,
        value: t.column === numeric ? (t.bin === null ? null : String(t.bin)) : t.value,
      })),
    ).toEqual(e.predicates.map((p) => ({ column: p.column, value: p.value })));
  });
}

const categorical: OracleColumn[] = refCase.inputs.columns.map((name) => ({
  name,
  numeric: false,
}));
const withAmount: OracleColumn[] = refCase.inputs.columns.map((name) =>
  name === 'amount_bin' ? { name: 'amount', numeric: true } : { name, numeric: false },
);

describe('slicelineOracle against sliceline.json (Python exhaustive enumeration)', () => {
  it('reads the reference data', () => {
    expect(data).toHaveLength(1500);
    expect(errors.every((e) => e === 0 || e === 1)).toBe(true);
    expect(data.filter((r) => r.channel === null).length).toBeGreaterThan(100);
  });

  refCase.runs.forEach((refRun, runIndex) => {
    const p = refRun.params;
    const label = `alpha ${p.alpha}, k ${p.k}, max level ${p.max_level}, min support ${p.min_support}`;

    it(`${label}: amount_bin as a categorical column`, () => {
      const { got } = run(runIndex, categorical);
      expectSame(got, refRun.expected, null);
      if (refRun.info) {
        expect(got.info.n).toBe(refRun.info.n);
        expectClose(got.info.mean_error, refRun.info.mean_error, 'mean error');
        expect(got.info.min_support).toBe(refRun.info.min_support);
        expect(got.info.candidates_evaluated).toBe(refRun.info.candidates_evaluated);
        expect(got.info.qualifying).toBe(refRun.info.qualifying);
      }
    });

    it(`${label}: amount cut into 5 equal-mass bins by the oracle`, () => {
      const { got } = run(runIndex, withAmount);
      expectSame(
        got,
        refRun.expected.map((s) => renamed(s, 'amount_bin', 'amount')),
        'amount',
      );
      if (refRun.info) {
        expect(got.info.candidates_evaluated).toBe(refRun.info.candidates_evaluated);
        expect(got.info.qualifying).toBe(refRun.info.qualifying);
      }
    });
  });

  it("amount's edges and bins are the file's (numpy linear quantiles, searchsorted left)", () => {
    const amounts = data.map((r) => Number(r.amount));
    const edges = oracleEdges(amounts);
    expect(edges).not.toBeNull();
    // Bit for bit: the oracle's linear quantile is numpy's.
    expect(edges).toEqual(refCase.inputs.amount_edges);
    edges?.forEach((e, i) => expectClose(e, refCase.inputs.amount_edges[i] ?? NaN, `edge ${i}`));
    // Every bin's rows are exactly the rows with that amount_bin: make them the only errors.
    for (let bin = 0; bin < 5; bin++) {
      const want = data.flatMap((r, i) => (r.amount_bin === String(bin) ? [i] : []));
      const errs = data.map((r) => (r.amount_bin === String(bin) ? 1 : 0));
      const one = slicelineOracle({
        rows: data,
        columns: [{ name: 'amount', numeric: true }],
        errors: errs,
        alpha: 1,
        k: 1,
        maxLevel: 1,
        minSupport: 1,
      });
      expect(one.slices[0]?.terms[0]?.bin, `bin ${bin}`).toBe(bin);
      expect(one.slices[0]?.rows, `bin ${bin}`).toEqual(want);
    }
  });
});

describe('slicelineOracle details', () => {
  it('orders text by code point, not by UTF-16 code unit', () => {
    // U+FB00 (one code unit) < U+1F600 (a surrogate pair starting 0xD83D < 0xFB00).
    expect('\u{1F600}' < '\uFB00').toBe(true);
    expect(compareCodePoints('\u{1F600}', '\uFB00')).toBe(1);
    expect(compareCodePoints('a', 'ab')).toBe(-1);
    expect(compareCodePoints('B', 'a')).toBe(-1);
    expect(compareCodePoints('x', 'x')).toBe(0);
    const tie = { score: 1, size: 5 };
    expect(compareSlices({ ...tie, text: 'c = \u{1F600}' }, { ...tie, text: 'c = \uFB00' })).toBe(
      1,
    );
    expect(compareSlices({ score: 1, size: 6, text: 'z' }, { ...tie, text: 'a' })).toBeLessThan(0);
  });

  it('keeps duplicate edges, bins by edges strictly below, NaN/Infinity in no slice', () => {
    // 0 seven times of ten: numpy's edges 0, 0, 0, 1.4000000000000004; 0 is bin 0, 1 bin 3, 3 bin 4.
    const xs = [0, 0, 0, 0, 0, 0, 0, 1, 3, 3];
    const numpyEdges = [0, 0, 0, 1.4000000000000004];
    expect(oracleEdges([...xs, NaN, Infinity])).toEqual(numpyEdges);
    const rows = [...xs, NaN, Infinity, -Infinity, null].map((x) => ({ x }));
    const errors = rows.map(() => 0);
    errors[7] = 1; // x = 1, bin 3
    errors[10] = 1; // NaN: searched, in no slice
    const got = slicelineOracle({
      rows,
      columns: [{ name: 'x', numeric: true }],
      errors,
      alpha: 1,
      k: 10,
      maxLevel: 1,
      minSupport: 1,
    });
    expect(got.info.n).toBe(14);
    expect(got.info.edges.x).toEqual(numpyEdges);
    expect(got.slices.map((s) => [s.text, s.size, s.error_sum])).toEqual([['x = 3', 1, 1]]);
    // bins 0, 3, 4 and NULL: the four items of level 1.
    expect(got.info.candidates_evaluated).toBe(4);
  });

  it('leaves rows with a null error out of n, the mean and the bins', () => {
    const rows = [1, 2, 3, 4, 5, 100, 200].map((x, i) => ({ x, c: i % 2 === 0 ? 'a' : 'b' }));
    const errors = [1, 0, 0, 0, 0, null, null];
    const got = slicelineOracle({
      rows,
      columns: [
        { name: 'x', numeric: true },
        { name: 'c', numeric: false },
      ],
      errors,
      alpha: 0.5,
      k: 50,
      maxLevel: 2,
      minSupport: 1,
    });
    expect(got.info.n).toBe(5);
    expect(got.info.mean_error).toBe(0.2);
    expect(got.info.edges.x).toEqual([1.8, 2.6, 3.4, 4.2]);
    // x = 0 (the row with 1) and its conjunction with c = a: score 0.5*(1/0.2-1) - 0.5*(5-1) = 0.
    expect(got.slices).toEqual([]);
    const alpha9 = slicelineOracle({
      rows,
      columns: [{ name: 'x', numeric: true }],
      errors,
      alpha: 0.9,
      k: 5,
      maxLevel: 1,
      minSupport: 1,
    });
    expect(alpha9.slices.map((s) => [s.text, s.size])).toEqual([['x = 0', 1]]);
    expectClose(alpha9.slices[0]?.score ?? null, 0.9 * 4 - 0.1 * 4, 'score');
  });
});
