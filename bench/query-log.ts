import type { Engine } from '../shared/engine/engine.ts';
import { median } from './stats.ts';

/** One query an analysis issued: the start of its SQL and how long DuckDB took. */
export interface QueryTime {
  sql: string;
  ms: number;
}

const SQL_HEAD = 100;

/**
 * The engine with every query timed into `log`: the time an analysis spends outside them is its
 * JS work (statistics, reading results). Queries run one after another, as they do in the
 * blocking engine anyway, so two started together (Promise.all) are not timed as one.
 */
export function timedEngine(engine: Engine, log: QueryTime[]): Engine {
  let previous: Promise<unknown> = Promise.resolve();
  return {
    ...engine,
    query(q, opts) {
      const result = previous.then(async () => {
        const t0 = performance.now();
        const table = await engine.query(q, opts);
        const sql = q.text.replace(/\s+/g, ' ').trim().slice(0, SQL_HEAD);
        log.push({ sql, ms: performance.now() - t0 });
        return table;
      });
      previous = result.catch(() => undefined);
      return result;
    },
  };
}

/**
 * Per query, the median over runs; runs of one analysis issue the same queries in the same order,
 * so they are matched by position (a run with another count is left out).
 */
export function medianQueryTimes(runs: readonly QueryTime[][]): QueryTime[] {
  const first = runs[0] ?? [];
  const same = runs.filter((r) => r.length === first.length);
  return first.map((q, i) => ({
    sql: q.sql,
    ms: Math.round(median(same.map((r) => r[i]?.ms ?? NaN)) * 10) / 10,
  }));
}
