import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../shared/engine/engine.ts';
import { raw } from '../shared/sql/sql.ts';
import { medianQueryTimes, timedEngine, type QueryTime } from './query-log.ts';

/** A blocking engine stand-in: each query busy-waits its number of milliseconds. */
function busyEngine(): Engine {
  return {
    async query(q) {
      const until = performance.now() + Number(q.text.replace(/\D/g, ''));
      while (performance.now() < until);
      return {} as Table;
    },
    async registerFile() {},
    async dropFile() {},
    async insertArrowIpc() {},
    async close() {},
  };
}

describe('timedEngine', () => {
  it('times queries started together one by one, in order', async () => {
    const log: QueryTime[] = [];
    const engine = timedEngine(busyEngine(), log);
    await Promise.all([engine.query(raw('SELECT 200')), engine.query(raw('SELECT   1'))]);
    expect(log.map((q) => q.sql)).toEqual(['SELECT 200', 'SELECT 1']);
    expect(log[0]?.ms).toBeGreaterThanOrEqual(200);
    // timed from its own start, not from when both were started
    expect(log[1]?.ms).toBeLessThan(200);
  });
});

describe('medianQueryTimes', () => {
  it('takes each query’s median over the runs that issued as many queries', () => {
    const run = (...ms: number[]) => ms.map((m, i) => ({ sql: `q${i}`, ms: m }));
    expect(medianQueryTimes([run(10, 1), run(30, 3), run(20, 2), run(99)])).toEqual([
      { sql: 'q0', ms: 20 },
      { sql: 'q1', ms: 2 },
    ]);
  });
});
