import { describe, expect, it } from 'vitest';
import { TABLES_SHARE, parseByteSize, wontFit } from './memory.ts';

describe('parseByteSize', () => {
  it("reads DuckDB's size texts", () => {
    expect(parseByteSize('3.1 GiB')).toBeCloseTo(3.1 * 2 ** 30);
    expect(parseByteSize('512.0 MiB')).toBe(512 * 2 ** 20);
    expect(parseByteSize('2GB')).toBe(2e9);
    expect(parseByteSize('1000 bytes')).toBe(1000);
  });
  it('is NaN for text it cannot read', () => {
    expect(parseByteSize('lots')).toBeNaN();
    expect(parseByteSize('3 parsecs')).toBeNaN();
  });
});

describe('wontFit', () => {
  const limitBytes = 3.1 * 2 ** 30;
  it('lets two tables through while they leave the queries their share', () => {
    expect(wontFit({ usedBytes: 0.25 * 2 ** 30, limitBytes }, 2)).toBeNull();
    expect(wontFit({ usedBytes: (limitBytes * TABLES_SHARE) / 2, limitBytes }, 2)).toBeNull();
  });
  it('says why two 10M-row logs do not fit', () => {
    expect(wontFit({ usedBytes: 2.4 * 2 ** 30, limitBytes }, 2)).toBe(
      "2 tables of 2.40 GiB each need 4.80 GiB, over 80% of the engine's 3.10 GiB memory limit (DuckDB-WASM is 32-bit)",
    );
  });
  it('does not skip when the limit is unknown', () => {
    expect(wontFit({ usedBytes: 2 ** 40, limitBytes: NaN }, 2)).toBeNull();
  });
});
