import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../shared/errors.ts';
import { fileIdSchema } from '../shared/ipc/contract.ts';
import { createFileGrants } from './file-grants.ts';

const cryptoRandom = (length: number) => new Uint8Array(randomBytes(length));

describe('createFileGrants', () => {
  it('resolves a granted id to its path and size', () => {
    const grants = createFileGrants(cryptoRandom);
    const id = grants.grant('/data/train.csv', 1234);
    expect(grants.resolve(id)).toBe('/data/train.csv');
    expect(grants.size(id)).toBe(1234);
    expect(fileIdSchema.safeParse(id).success).toBe(true);
    expect(id).not.toContain('train');
  });

  it('refuses an unknown id with not_granted', () => {
    const grants = createFileGrants(cryptoRandom);
    grants.grant('/data/train.csv', 1);
    let caught: unknown;
    try {
      grants.resolve('ffffffffffffffffffffffffffffffff');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FaultlineError);
    expect((caught as FaultlineError).code).toBe('not_granted');
    expect(() => grants.size('/data/train.csv')).toThrow(/was not granted/);
  });

  it('gives distinct ids to distinct files and the same id to the same file', () => {
    const grants = createFileGrants(cryptoRandom);
    const ids = Array.from({ length: 200 }, (_, i) => grants.grant(`/data/f${i}.csv`, i));
    expect(new Set(ids).size).toBe(200);
    expect(grants.grant('/data/f7.csv', 7)).toBe(ids[7]);
  });

  it('draws again when the random source repeats an id', () => {
    const draws = [new Uint8Array(16), new Uint8Array(16), new Uint8Array(16).fill(1)];
    const grants = createFileGrants(() => draws.shift() ?? new Uint8Array(16).fill(2));
    const first = grants.grant('/a', 1);
    const second = grants.grant('/b', 2);
    expect(first).toBe('0'.repeat(32));
    expect(second).toBe('01'.repeat(16));
    expect(grants.resolve(second)).toBe('/b');
  });
});
