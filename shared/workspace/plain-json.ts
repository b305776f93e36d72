// Loosely kept records (a view's choices) come back from a file anyone could have edited: they
// are accepted as any JSON data within these bounds, and the view checks its own fields later.

/** JSON data: what a loosely kept record may hold. */
export type PlainValue = string | number | boolean | null | PlainValue[] | PlainObject;
export type PlainObject = { [key: string]: PlainValue };

/** Nesting deeper than any view's choices; deeper data is refused, not walked. */
const MAX_DEPTH = 12;
const MAX_ENTRIES = 10_000;
const MAX_STRING = 100_000;
const MAX_KEY = 256;
// Assigning these keys onto an object (`target[key] = value`) changes its prototype or its
// constructor lookup; a restored record is spread and assigned, so they are refused outright.
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Where plain data stops being plain, and why in words. */
export interface PlainProblem {
  path: (string | number)[];
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function problemIn(value: unknown, path: (string | number)[], depth: number): PlainProblem | null {
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'string') {
    return value.length > MAX_STRING
      ? { path, message: `text longer than ${MAX_STRING} characters` }
      : null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? null : { path, message: `${value} is not a finite number` };
  }
  if (depth >= MAX_DEPTH) return { path, message: `nested deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    if (value.length > MAX_ENTRIES) return { path, message: `more than ${MAX_ENTRIES} items` };
    for (const [i, item] of value.entries()) {
      const problem = problemIn(item, [...path, i], depth + 1);
      if (problem !== null) return problem;
    }
    return null;
  }
  if (!isRecord(value)) return { path, message: 'not JSON data (text, number, list or object)' };
  return recordProblem(value, path, depth);
}

function recordProblem(
  value: Record<string, unknown>,
  path: (string | number)[],
  depth: number,
): PlainProblem | null {
  const keys = Object.keys(value);
  if (keys.length > MAX_ENTRIES) return { path, message: `more than ${MAX_ENTRIES} keys` };
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) return { path, message: `the key ${JSON.stringify(key)}` };
    if (key.length > MAX_KEY) return { path, message: `a key longer than ${MAX_KEY} characters` };
    const problem = problemIn(value[key], [...path, key], depth + 1);
    if (problem !== null) return problem;
  }
  return null;
}

/** The first reason `value` is not a plain JSON object within the bounds above, or null. */
export function plainObjectProblem(value: unknown): PlainProblem | null {
  if (!isRecord(value)) return { path: [], message: 'expected an object' };
  return recordProblem(value, [], 0);
}

/** A copy of plain data with every object's keys in sorted order, so equal data prints equal. */
export function sortedKeys<T extends PlainValue>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortedKeys(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort();
  return Object.fromEntries(keys.map((key) => [key, sortedKeys(value[key] as PlainValue)])) as T;
}
