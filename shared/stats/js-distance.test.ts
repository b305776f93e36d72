import { describe, expect, it } from 'vitest';
import { expectClose, loadReference } from '../../test-support/reference.ts';
import { jsDistance } from './js-distance.ts';

interface Case {
  name: string;
  expected: { js: number; binning?: { p: number[]; q: number[] }; p?: number[]; q?: number[] };
}

const numeric = loadReference<{ cases: Case[] }>('numeric_drift.json').cases;
const categorical = loadReference<{ cases: Case[] }>('categorical_drift.json').cases;

describe('jsDistance: hand-worked', () => {
  it('is 0 for equal shares and 1 for disjoint ones (base 2)', () => {
    expect(jsDistance([0.2, 0.8], [0.2, 0.8])).toBe(0);
    expect(jsDistance([1, 0], [0, 1])).toBe(1);
  });

  it('half overlap: JSD = 0.5 bit', () => {
    // p = (1, 0), q = (0.5, 0.5), m = (0.75, 0.25): JSD = (log2(4/3) + 0.5 log2(2/3) + 0.5 log2 2) / 2
    const jsd =
      (Math.log2(1 / 0.75) + 0.5 * Math.log2(0.5 / 0.75) + 0.5 * Math.log2(0.5 / 0.25)) / 2;
    expectClose(jsDistance([1, 0], [0.5, 0.5]), Math.sqrt(jsd), 'half overlap');
  });

  it('is null without mass on a side', () => {
    expect(jsDistance([0, 0], [0.5, 0.5])).toBeNull();
  });
});

describe('jsDistance against the reference files (scipy jensenshannon base 2)', () => {
  for (const c of numeric) {
    it(`numeric ${c.name}`, () => {
      const b = c.expected.binning;
      if (!b) throw new Error('no binning');
      expectClose(jsDistance(b.p, b.q), c.expected.js, `${c.name} js`);
    });
  }
  for (const c of categorical) {
    it(`categorical ${c.name}`, () => {
      const { p, q } = c.expected;
      if (!p || !q) throw new Error('no shares');
      expectClose(jsDistance(p, q), c.expected.js, `${c.name} js`);
    });
  }
});
