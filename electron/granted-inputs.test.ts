import { describe, expect, it } from 'vitest';
import { createFileGrants } from './file-grants.ts';
import { listGrantedPaths } from './granted-inputs.ts';

describe('listGrantedPaths', () => {
  it('lists each granted path once and still resolves ids', () => {
    let n = 0;
    const grants = listGrantedPaths(createFileGrants(() => new Uint8Array(16).fill(++n)));
    expect(grants.paths()).toEqual([]);
    const a = grants.grant('/data/train.csv', 10);
    grants.grant('/data/prod.parquet', 20);
    expect(grants.grant('/data/train.csv', 11)).toBe(a);
    expect(grants.paths()).toEqual(['/data/train.csv', '/data/prod.parquet']);
    expect(grants.resolve(a)).toBe('/data/train.csv');
    expect(grants.size(a)).toBe(11);
    expect(() => grants.resolve('f'.repeat(32))).toThrow(/was not granted/);
  });
});
