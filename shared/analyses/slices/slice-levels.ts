// SliceLine's levels above the first, one at a time (slice-lattice-sql.ts): candidates with their
// parents' bounds, exact error sums for those that can still reach the top k, sizes for those
// that still can after that; the k-th best score so far, which prunes the next level, kept as it
// rises.
import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import { sql, type Sql } from '../../sql/sql.ts';
import { intSql } from '../quantile-bins.ts';
import {
  candidatesSql,
  errorPassSql,
  kthScoreSql,
  sizePassSql,
  type SliceScoring,
} from './slice-lattice-sql.ts';
import type { SliceLevel } from './slices-result.ts';

/** Slack for comparing a bound computed in SQL with a score: prune only what is surely out. */
const SLACK = 1e-9;

/** The tables a search works in. */
export interface LatticeTables {
  /** The encoded rows (encodedTableSql), and those of them with some error. */
  encoded: Sql;
  erring: Sql;
  /** The evaluated slices of every level; level 1's are in it before the search. */
  lattice: Sql;
  /** One level's candidates, made and dropped per level. */
  candidates: Sql;
}

/**
 * Levels 2 to `maxLevel` (at most the number of encoded columns, `used` maps a feature to its
 * column): each level's counts, and the score a slice must reach to be in the top k at the end
 * (0 while fewer than k qualify; a hair lower, so ties with the k-th are kept).
 */
export async function searchLevels(
  run: (q: Sql) => Promise<Table>,
  t: LatticeTables,
  used: readonly number[],
  k: SliceScoring,
  top: { k: number; maxLevel: number },
  onLevel: (level: number) => void,
): Promise<{ levels: SliceLevel[]; floor: number }> {
  const column = (f: number) => used.indexOf(f);
  let kth: number | null = null;
  const floor = () => Math.max(kth ?? 0, 0) - SLACK * Math.max(1, Math.abs(kth ?? 0));
  const refreshKth = async () => {
    const r = readRows(await run(kthScoreSql(t.lattice, k, top.k)))[0];
    kth = r === undefined ? null : Number(r.score);
  };
  const count = async (q: Sql): Promise<number> => Number(readRows(await run(q))[0]?.n ?? 0);

  await refreshKth();
  const levels: SliceLevel[] = [];
  for (let level = 2; level <= used.length && level <= top.maxLevel; level++) {
    onLevel(level);
    await run(candidatesSql(t.candidates, t.lattice, level, k, floor()));
    const pairs = await count(sql`SELECT count(*)::DOUBLE AS n FROM ${t.candidates}`);
    const kept = await count(sql`SELECT count(*)::DOUBLE AS n FROM ${t.candidates} WHERE keep`);
    let evaluated = 0;
    if (kept > 0) {
      const featureSets = readRows(
        await run(
          sql`SELECT DISTINCT array_to_string(feats, ',') AS f FROM ${t.candidates} WHERE keep`,
        ),
      ).map((r) => String(r.f).split(',').map(Number));
      const survivors = errorPassSql(t.candidates, t.erring, featureSets, column, k, floor());
      await run(sizePassSql(t.lattice, survivors, t.encoded, featureSets, column, level));
      evaluated = await count(
        sql`SELECT count(*)::DOUBLE AS n FROM ${t.lattice} WHERE level = ${intSql(level)}`,
      );
    }
    await run(sql`DROP TABLE ${t.candidates}`);
    levels.push({ level, candidates: pairs, pruned: pairs - evaluated, evaluated, qualifying: 0 });
    if (evaluated === 0) break;
    await refreshKth();
  }
  return { levels, floor: kth === null ? 0 : floor() };
}
