// Temporary tables an analysis makes for the length of one run: names no other run sharing the
// engine (and its connection) can see, and a drop that happens whatever the run's end.
import { sql, table, type Sql } from '../sql/sql.ts';
import type { Engine } from './engine.ts';

let runs = 0;

/** Fresh table names for one run: `faultline_<prefix>_<part>_<n>`, one per part. */
export function tempTableNames<P extends string>(
  prefix: string,
  parts: readonly P[],
): Record<P, Sql> {
  const n = ++runs;
  return Object.fromEntries(
    parts.map((part) => [part, table(`faultline_${prefix}_${part}_${n}`)]),
  ) as Record<P, Sql>;
}

/**
 * Runs `use`, then drops `tables` (those it made; any that do not exist are skipped) whatever
 * happens: the drops run without a signal, so a cancelled run cleans up too. When `use` fails,
 * its error wins over a failing drop.
 */
export async function withTempTables<T>(
  engine: Engine,
  tables: readonly Sql[],
  use: () => Promise<T>,
): Promise<T> {
  let failed = true;
  try {
    const result = await use();
    failed = false;
    return result;
  } finally {
    for (const t of tables) {
      await engine.query(sql`DROP TABLE IF EXISTS ${t}`).catch((e: unknown) => {
        if (!failed) throw e;
      });
    }
  }
}
