import type { Engine } from '../shared/engine/engine.ts';
import { readRows } from '../shared/engine/arrow-columns.ts';
import { raw } from '../shared/sql/sql.ts';

/**
 * What DuckDB holds now and the most it may hold (DuckDB-WASM is 32-bit: ~3.1 GiB; native DuckDB
 * defaults to 80% of RAM and spills past it).
 */
export interface EngineMemory {
  usedBytes: number;
  limitBytes: number;
}

const UNITS: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 2 ** 10,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
  TIB: 2 ** 40,
};

/** DuckDB's size text ('3.1 GiB', '512.0 MiB', '1000 bytes') in bytes; NaN if unreadable. */
export function parseByteSize(text: string): number {
  const m = /^\s*([\d.]+)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return NaN;
  const unit = (m[2] ?? '').toUpperCase().replace(/^BYTES?$/, 'B') || 'B';
  const scale = UNITS[unit];
  return scale === undefined ? NaN : Number(m[1]) * scale;
}

export async function engineMemory(engine: Engine): Promise<EngineMemory> {
  const [row] = readRows(
    await engine.query(
      raw(`SELECT current_setting('memory_limit') AS limit_text,
        (SELECT sum(memory_usage_bytes) FROM duckdb_memory())::DOUBLE AS used`),
    ),
  );
  return {
    usedBytes: typeof row?.used === 'number' ? row.used : 0,
    limitBytes: parseByteSize(String(row?.limit_text ?? '')),
  };
}

/**
 * Share of the limit the loaded tables may take: the rest is the queries' working memory (the
 * drift queries group and sort a column of both tables at a time).
 */
export const TABLES_SHARE = 0.8;

/**
 * Why `copies` tables like the one in memory now would not fit, or null when they would. Checked
 * before the second side is made and loaded, which at 10M rows takes minutes.
 */
export function wontFit(memory: EngineMemory, copies: number): string | null {
  const need = memory.usedBytes * copies;
  if (!(need > memory.limitBytes * TABLES_SHARE)) return null;
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
  return (
    `${copies} tables of ${gib(memory.usedBytes)} each need ${gib(need)}, over ` +
    `${Math.round(TABLES_SHARE * 100)}% of the engine's ${gib(memory.limitBytes)} memory limit` +
    (memory.limitBytes < 4 * 2 ** 30 ? ' (DuckDB-WASM is 32-bit)' : '')
  );
}
