import { readColumns } from './arrow-columns.ts';
import type { Engine, RunContext } from './engine.ts';
import { describeTable } from './describe-table.ts';
import { ident, join, sql, table, type Sql } from '../sql/sql.ts';

// ISO dates and timestamps, with an optional zone; anything else stays text.
const isoTimestamp =
  '\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?';

/**
 * Brings types to the ones every analysis can use offline: TIMESTAMP WITH TIME ZONE becomes
 * UTC TIMESTAMP (its functions need the ICU extension, which DuckDB-WASM would download and
 * then wait for), and with `textTimestamps` ISO text columns (JSON has no date type) become
 * TIMESTAMP.
 */
export async function normalizeTypes(
  engine: Engine,
  tableName: string,
  opts: { textTimestamps: boolean },
  ctx: RunContext,
): Promise<void> {
  const columns = await describeTable(engine, tableName, ctx);
  const toTimestamp = new Set(
    columns.filter((c) => c.type.startsWith('TIMESTAMP WITH TIME ZONE')).map((c) => c.name),
  );
  const text = columns.filter((c) => c.type === 'VARCHAR').map((c) => c.name);
  if (opts.textTimestamps && text.length > 0) {
    const checks = text.map(
      (c, i) =>
        sql`count(${ident(c)}) > 0 AND bool_and(regexp_full_match(${ident(c)}, ${isoTimestamp})) AS ${ident(`t${i}`)}`,
    );
    const row = readColumns(
      await engine.query(sql`SELECT ${join(checks)} FROM ${table(tableName)}`, ctx),
    );
    text.forEach((c, i) => {
      if (row[`t${i}`]?.[0] === true) toTimestamp.add(c);
    });
  }
  if (toTimestamp.size === 0) return;
  const replaced: Sql[] = [...toTimestamp].map(
    (c) => sql`CAST(${ident(c)} AS TIMESTAMP) AS ${ident(c)}`,
  );
  await engine.query(
    sql`CREATE OR REPLACE TABLE ${table(tableName)} AS SELECT * REPLACE (${join(replaced)}) FROM ${table(tableName)}`,
    ctx,
  );
}
