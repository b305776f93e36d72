// Temporary tables an analysis makes for the length of one run: names no other run sharing the
// engine (and its connection) can see, and a drop that happens whatever the run's end.
import { sql, table, type Sql } from '../sql/sql.ts';
import type { Engine } from './engine.ts';

let runs = 0;

/** Fresh names for one run: `faultline_<prefix>_<part>_<n>`, one per part. */
export function tempNames<P extends string>(
  prefix: string,
  parts: readonly P[],
): Record<P, string> {
  const n = ++runs;
  return Object.fromEntries(
    parts.map((part) => [part, `faultline_${prefix}_${part}_${n}`]),
  ) as Record<P, string>;
}

/** tempNames as table fragments. */
export function tempTableNames<P extends string>(
  prefix: string,
  parts: readonly P[],
): Record<P, Sql> {
  const names = tempNames(prefix, parts);
  return Object.fromEntries(parts.map((part) => [part, table(names[part])])) as Record<P, Sql>;
}

/**
 * Runs `use`, then drops `tables` (those it made; any that do not exist are skipped) whatever
 * happens: the drops run without a signal, so a cancelled run cleans up too. When `use` fails,
 * its error wins over a failing drop.
 */
export function withTempTables<T>(
  engine: Engine,
  tables: readonly Sql[],
  use: () => Promise<T>,
): Promise<T> {
  return withDropped(
    engine,
    tables.map((t) => sql`DROP TABLE IF EXISTS ${t}`),
    use,
  );
}

/** withTempTables for views (a filtered side read where it lies, never copied). */
export function withTempViews<T>(
  engine: Engine,
  views: readonly Sql[],
  use: () => Promise<T>,
): Promise<T> {
  return withDropped(
    engine,
    views.map((v) => sql`DROP VIEW IF EXISTS ${v}`),
    use,
  );
}

async function withDropped<T>(
  engine: Engine,
  drops: readonly Sql[],
  use: () => Promise<T>,
): Promise<T> {
  let failed = true;
  try {
    const result = await use();
    failed = false;
    return result;
  } finally {
    for (const drop of drops) {
      await engine.query(drop).catch((e: unknown) => {
        if (!failed) throw e;
      });
    }
  }
}
