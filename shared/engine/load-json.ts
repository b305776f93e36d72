import {
  Bool,
  Float64,
  Table,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import { FaultlineError } from '../errors.ts';
import type { Engine } from './engine.ts';

type JsonKind = 'number' | 'string' | 'boolean' | 'nested';

interface ColumnPlan {
  name: string;
  kind: JsonKind | null;
  /** The record (1-based line for JSON lines) where the kind was first seen, for messages. */
  firstSeen: number;
}

type JsonRecord = Record<string, unknown>;

const batchRows = 100_000;

function kindOf(v: unknown): JsonKind | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  return 'nested';
}

/** JSON lines: one object per non-blank line; a bad line is named by its number. */
export function parseJsonLines(
  text: string,
  displayName: string,
): { records: JsonRecord[]; lines: number[] } {
  const records: JsonRecord[] = [];
  const lines: number[] = [];
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new FaultlineError({
        code: 'malformed_json',
        file: displayName,
        line: lineNo,
        message: `${displayName}: line ${lineNo} is not valid JSON (${(e as Error).message})`,
      });
    }
    records.push(asRecord(value, displayName, lineNo, 'line'));
    lines.push(lineNo);
  }
  return { records, lines };
}

/** A JSON array of objects; a syntax error is named by its line. */
export function parseJsonArray(
  text: string,
  displayName: string,
): { records: JsonRecord[]; lines: number[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new FaultlineError({
      code: 'malformed_json',
      file: displayName,
      ...(line !== undefined ? { line } : {}),
      message: `${displayName}: ${line !== undefined ? `line ${line}: ` : ''}not valid JSON (${message})`,
    });
  }
  if (!Array.isArray(value)) {
    throw new FaultlineError({
      code: 'malformed_json',
      file: displayName,
      message: `${displayName}: expected an array of objects, found ${typeof value}`,
    });
  }
  const records = value.map((v, i) => asRecord(v, displayName, i + 1, 'element'));
  return { records, lines: records.map((_r, i) => i + 1) };
}

function asRecord(v: unknown, displayName: string, at: number, unit: string): JsonRecord {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new FaultlineError({
      code: 'malformed_json',
      file: displayName,
      ...(unit === 'line' ? { line: at } : {}),
      message: `${displayName}: ${unit} ${at} is not an object (each row must be {"column": value, …})`,
    });
  }
  return v as JsonRecord;
}

/** One type per column over all records; a column mixing numbers and text is an error. */
function planColumns(
  records: JsonRecord[],
  lines: number[],
  displayName: string,
  unit: string,
): ColumnPlan[] {
  const plans = new Map<string, ColumnPlan>();
  records.forEach((r, i) => {
    for (const [name, v] of Object.entries(r)) {
      let plan = plans.get(name);
      if (!plan) {
        plan = { name, kind: null, firstSeen: 0 };
        plans.set(name, plan);
      }
      const k = kindOf(v);
      if (k === null) continue;
      if (plan.kind === null) {
        plan.kind = k;
        plan.firstSeen = lines[i] ?? i + 1;
      } else if (plan.kind !== k) {
        const at = lines[i] ?? i + 1;
        throw new FaultlineError({
          code: 'mixed_types',
          file: displayName,
          column: name,
          ...(unit === 'line' ? { line: at } : {}),
          message: `${displayName}: column "${name}" mixes types: ${unit} ${at} has ${describe(v)} where ${unit} ${plan.firstSeen} has a ${plan.kind}`,
        });
      }
    }
  });
  return [...plans.values()];
}

function describe(v: unknown): string {
  const text = JSON.stringify(v);
  return `a ${kindOf(v)} (${text.length > 40 ? text.slice(0, 37) + '...' : text})`;
}

function arrowType(kind: JsonKind | null): DataType {
  if (kind === 'number') return new Float64();
  if (kind === 'boolean') return new Bool();
  return new Utf8();
}

function cell(kind: JsonKind | null, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return kind === 'nested' ? JSON.stringify(v) : v;
}

/**
 * Inserts parsed JSON records as a table, in batches. DuckDB-WASM has no JSON extension offline,
 * so records are typed here: numbers DOUBLE, booleans, text; nested values kept as JSON text.
 */
export async function insertJsonRecords(
  engine: Engine,
  parsed: { records: JsonRecord[]; lines: number[] },
  tableName: string,
  displayName: string,
  unit: 'line' | 'element',
): Promise<void> {
  const plans = planColumns(parsed.records, parsed.lines, displayName, unit);
  if (plans.length === 0) {
    throw new FaultlineError({
      code: 'no_rows',
      file: displayName,
      message: `${displayName}: no rows (the file holds no JSON objects with fields)`,
    });
  }
  for (let start = 0; start < parsed.records.length; start += batchRows) {
    const batch = parsed.records.slice(start, start + batchRows);
    const vectors = Object.fromEntries(
      plans.map((p) => [
        p.name,
        vectorFromArray(
          batch.map((r) => cell(p.kind, r[p.name])),
          arrowType(p.kind),
        ),
      ]),
    );
    const ipc = tableToIPC(new Table(vectors), 'stream');
    await engine.insertArrowIpc(tableName, ipc, { create: start === 0 });
  }
}
