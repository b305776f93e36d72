import { FaultlineError } from '../errors.ts';
import { readColumns, readScalar } from './arrow-columns.ts';
import type { DataSource, Engine, RunContext } from './engine.ts';
import { literal, raw, sql, table, type Sql } from '../sql/sql.ts';
import { findRaggedLine, type RaggedLine } from './ragged-line.ts';
import { isOutOfMemory, outOfMemoryError } from './out-of-memory.ts';

export interface CsvOptions {
  /** One character; DuckDB's sniffer decides when absent (TSV files get a tab). */
  delimiter?: string;
  /** Whether the first line names the columns; the sniffer decides when absent. */
  header?: boolean;
}

/** What the loader learned about a CSV file beyond its table. */
export interface CsvLoad {
  /** Column names as written in the header, before DuckDB made duplicates unique. */
  headerNames: string[] | null;
}

interface Dialect {
  delimiter: string;
  quote: string;
  escape: string;
  header: boolean;
  columns: number;
}

function optionsSql(d: Pick<Dialect, 'delimiter' | 'quote' | 'escape'>, header: boolean): Sql {
  return sql`delim = ${literal(d.delimiter)}, quote = ${literal(d.quote)}, escape = ${literal(
    d.escape,
  )}, header = ${raw(header ? 'true' : 'false')}`;
}

function csvError(source: DataSource, e: unknown): FaultlineError {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof FaultlineError && e.code === 'out_of_memory') {
    return new FaultlineError({
      ...e.toData(),
      file: source.displayName,
      message: `${source.displayName}: ${e.message}`,
    });
  }
  if (isOutOfMemory(message)) return outOfMemoryError(message, source.displayName);
  const lineMatch = /CSV Error on Line: (\d+)/.exec(message) ?? /line (\d+)/i.exec(message);
  const line = lineMatch ? Number(lineMatch[1]) : undefined;
  const where = line !== undefined ? `line ${line}: ` : '';
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (columns) {
    return new FaultlineError({
      code: 'ragged_row',
      file: source.displayName,
      ...(line !== undefined ? { line } : {}),
      message: `${source.displayName}: ${line !== undefined ? `line ${line} ` : 'a row '}has ${columns[2]} fields, the header has ${columns[1]}`,
    });
  }
  if (/not a GZIP stream|gzip|zlib|inflate/i.test(message)) {
    return new FaultlineError({
      code: 'malformed_gzip',
      file: source.displayName,
      message: `${source.displayName}: not a valid gzip file (${firstLine(message)})`,
    });
  }
  return new FaultlineError({
    code: 'malformed_csv',
    file: source.displayName,
    ...(line !== undefined ? { line } : {}),
    message: `${source.displayName}: ${where}${firstLine(message.replace(/^.*?Error: /, ''))}`,
  });
}

function firstLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  return lines.find((l) => l.length > 0 && !/^CSV Error on Line/.test(l)) ?? text;
}

async function sniff(
  engine: Engine,
  fileName: string,
  opts: CsvOptions,
  ctx: RunContext,
): Promise<Dialect> {
  const delim = opts.delimiter !== undefined ? sql`, delim = ${literal(opts.delimiter)}` : raw('');
  const header = opts.header !== undefined ? raw(`, header = ${opts.header}`) : raw('');
  const t = await engine.query(
    sql`SELECT Delimiter AS d, Quote AS q, Escape AS e, HasHeader AS h, len(Columns)::DOUBLE AS n
        FROM sniff_csv(${literal(fileName)}${delim}${header})`,
    ctx,
  );
  const c = readColumns(t);
  const unset = (v: unknown) => (v === '(empty)' || v === null ? '' : String(v));
  return {
    delimiter: unset(c.d?.[0]),
    quote: unset(c.q?.[0]),
    escape: unset(c.e?.[0]),
    header: c.h?.[0] === true,
    columns: Number(c.n?.[0] ?? 0),
  };
}

/**
 * Loads a CSV or TSV file (gzip read by DuckDB itself) into `tableName`. DuckDB sniffs the
 * dialect and the types; strict mode makes a ragged row an error that names its line.
 */
export async function loadCsv(
  engine: Engine,
  source: DataSource,
  fileName: string,
  tableName: string,
  opts: CsvOptions,
  ctx: RunContext,
  gzip: boolean,
): Promise<CsvLoad> {
  let dialect: Dialect;
  try {
    dialect = await sniff(engine, fileName, opts, ctx);
  } catch (e) {
    throw gzip ? csvError(source, e) : await explainSniffFailure(source, e, opts);
  }
  if (dialect.columns <= 1 && !gzip) {
    // The sniffer falls back to one column when rows disagree on their field count.
    const ragged = await findRaggedLine(source, opts.delimiter);
    if (ragged) throw raggedError(source, ragged);
  }
  const options = optionsSql(dialect, dialect.header);
  try {
    await engine.query(
      sql`CREATE TABLE ${table(tableName)} AS
          SELECT * FROM read_csv(${literal(fileName)}, ${options}, strict_mode = true)`,
      ctx,
    );
  } catch (e) {
    throw csvError(source, e);
  }
  return { headerNames: dialect.header ? await rawHeader(engine, fileName, dialect, ctx) : null };
}

function raggedError(source: DataSource, ragged: RaggedLine): FaultlineError {
  return new FaultlineError({
    code: 'ragged_row',
    file: source.displayName,
    line: ragged.line,
    message: `${source.displayName}: line ${ragged.line} has ${ragged.fields} fields, the header has ${ragged.headerFields}`,
  });
}

async function explainSniffFailure(
  source: DataSource,
  e: unknown,
  opts: CsvOptions,
): Promise<FaultlineError> {
  const ragged = await findRaggedLine(source, opts.delimiter).catch(() => null);
  return ragged ? raggedError(source, ragged) : csvError(source, e);
}

/** The header's fields exactly as written (DuckDB renames duplicates: `a`, `a_1`). */
async function rawHeader(
  engine: Engine,
  fileName: string,
  dialect: Dialect,
  ctx: RunContext,
): Promise<string[]> {
  const t = await engine.query(
    sql`SELECT * FROM read_csv(${literal(fileName)}, ${optionsSql(dialect, false)},
        all_varchar = true, strict_mode = false) LIMIT 1`,
    ctx,
  );
  const cols = readColumns(t);
  return Object.values(cols).map((v) => (v[0] === null ? '' : String(v[0])));
}

/** Row count of a loaded table. */
export async function countRows(
  engine: Engine,
  tableName: string,
  ctx: RunContext,
): Promise<number> {
  return Number(
    readScalar(await engine.query(sql`SELECT count(*)::DOUBLE FROM ${table(tableName)}`, ctx)),
  );
}
