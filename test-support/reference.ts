import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/reference beside the repository: values computed independently (scipy, sklearn). */
export const referenceDir = fileURLToPath(new URL('../../shared/reference/', import.meta.url));

/** Parses one reference file; the JSON shapes are described in ../shared/reference/README.md. */
export function loadReference<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(referenceDir + file, 'utf8')) as T;
}

/** Reference floats: the strings "NaN", "Infinity", "-Infinity" stand for those IEEE values. */
export function refNumber(v: unknown): number | null {
  if (v === null) return null;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (typeof v === 'number') return v;
  throw new Error(`not a reference number: ${JSON.stringify(v)}`);
}

/** The README's tolerance: |actual - expected| <= max(1e-9 |expected|, 1e-12). */
export function closeTo(actual: number | null, expected: number | null, rel = 1e-9): boolean {
  if (expected === null || actual === null) return actual === expected;
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= Math.max(rel * Math.abs(expected), 1e-12);
}

/** Asserts the README's tolerance, naming the case on failure. */
export function expectClose(actual: number | null, expected: number | null, what: string): void {
  expect(closeTo(actual, expected), `${what}: got ${actual}, expected ${expected}`).toBe(true);
}

/** p- and q-values: also purely relative, as the README floor of 1e-12 would pass any p < 1e-3. */
export function expectP(actual: number | null, expected: number | null, what: string): void {
  expectClose(actual, expected, what);
  const relative =
    actual === null ||
    expected === null ||
    Math.abs(actual - expected) <= 1e-9 * Math.abs(expected);
  expect(relative, `${what} (relative 1e-9): got ${actual}, expected ${expected}`).toBe(true);
}
