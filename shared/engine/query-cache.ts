// Results of repeated read-only queries, kept by their SQL and bound values in front of an Engine.
// Sound by a simple rule: anything that may change what a kept query would return empties the
// cache, and the few statements that provably cannot (those that only touch the run-scoped
// temporary objects of temp-tables.ts) leave it be, because no kept query ever names one.
import type { Table } from 'apache-arrow';
import type { Sql } from '../sql/sql.ts';
import { throwIfAborted } from './abort.ts';
import type { Engine, QueryOptions } from './engine.ts';

/** How many results, and how many bytes of them, the cache keeps at most. */
export interface QueryCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

/** 256 results within 64 MiB: analyses read aggregates, a few kB each; a grid page is 200 rows. */
export const defaultQueryCacheLimits: QueryCacheLimits = {
  maxEntries: 256,
  maxBytes: 64 * 1024 * 1024,
};

/** What the cache has done since it was made; `entries` and `bytes` are what it keeps now. */
export interface QueryCacheStats {
  /** Reads answered from the cache. */
  hits: number;
  /** Cacheable reads the engine ran. */
  misses: number;
  /** Reads never kept: they name a temporary object, read the catalog or files, or vary. */
  uncached: number;
  /** Statements and calls that emptied the cache (data or catalog may have changed). */
  invalidations: number;
  entries: number;
  bytes: number;
}

/** An Engine that answers repeated reads from its cache, with what it did. */
export interface CachingEngine extends Engine {
  stats(): QueryCacheStats;
}

/**
 * What a statement is to the cache: a read it may keep; a read it must not keep; a write to a
 * temporary object of temp-tables.ts only; anything else (a write, a setting, several statements,
 * text it cannot read), which empties it.
 */
export type StatementKind = 'cacheable' | 'uncached-read' | 'temp-write' | 'write';

/**
 * The names temp-tables.ts makes, `faultline_<prefix>_<part>_<n>` with a counter that never
 * repeats in a process: each run's tables and views are its own.
 */
const tempName = /^faultline_\w+_\d+$/;

/** Words that make a SELECT or WITH statement more than a read (DuckDB has no DML in a CTE). */
const writeWords = new Set([
  'alter',
  'attach',
  'call',
  'checkpoint',
  'copy',
  'create',
  'delete',
  'detach',
  'drop',
  'export',
  'import',
  'insert',
  'install',
  'load',
  'merge',
  'pragma',
  'reset',
  'set',
  'truncate',
  'update',
  'use',
  'vacuum',
]);

/** Functions whose answer changes from call to call, so a kept result would be wrong. */
const volatileWords = new Set([
  'current_date',
  'current_localtime',
  'current_localtimestamp',
  'current_query',
  'current_setting',
  'current_time',
  'current_timestamp',
  'currval',
  'gen_random_uuid',
  'get_current_time',
  'get_current_timestamp',
  'localtime',
  'localtimestamp',
  'nextval',
  'now',
  'random',
  'sample',
  'setseed',
  'tablesample',
  'today',
  'transaction_timestamp',
  'txid_current',
  'uuid',
]);

/** The catalog (which CREATE and DROP of temporary objects change) and files read in place. */
function readsCatalogOrFiles(name: string): boolean {
  return (
    name.startsWith('duckdb_') ||
    name.startsWith('pragma_') ||
    name.startsWith('read_') ||
    name.startsWith('parquet_') ||
    [
      'information_schema',
      'pg_catalog',
      'sqlite_master',
      'sqlite_schema',
      'describe',
      'show',
      'glob',
      'sniff_csv',
    ].includes(name)
  );
}

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'string' }
  | { kind: 'semicolon' }
  | { kind: 'other'; text: string };

/** Index just past the quote closing a run that opened at `start`; a doubled quote is kept. */
function closingQuote(text: string, start: number, quote: string, backslash: boolean): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (backslash && c === '\\') i++;
    else if (c === quote) {
      if (text[i + 1] === quote) i++;
      else return i + 1;
    }
  }
  return -1;
}

/** Index just past a (nested) block comment opened at `start`. */
function commentEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length - 1; i++) {
    if (text.startsWith('/*', i)) {
      depth++;
      i++;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

const dollarTag = /\$[A-Za-z_]*\$/y;
const wordPattern = /[\p{L}_][\p{L}\p{N}_$]*/uy;

/** Index just past `sticky`'s match at `at`, or -1 when it does not match there. */
function matchEnd(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  return sticky.test(text) ? sticky.lastIndex : -1;
}

/**
 * The statement's words (lower case), quoted identifiers and punctuation, without comments and
 * literals; null when a literal or comment does not end (the cache then treats it as a write).
 */
function tokenize(text: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    let end: number;
    if (/\s/.test(c)) {
      end = i + 1;
    } else if (text.startsWith('--', i)) {
      const eol = text.indexOf('\n', i);
      end = eol < 0 ? text.length : eol + 1;
    } else if (text.startsWith('/*', i)) {
      end = commentEnd(text, i);
    } else if (c === "'") {
      end = closingQuote(text, i, "'", false);
      out.push({ kind: 'string' });
    } else if (c === '"') {
      end = closingQuote(text, i, '"', false);
      out.push({ kind: 'quoted', text: text.slice(i + 1, end - 1).replace(/""/g, '"') });
    } else if (c === '$' && matchEnd(dollarTag, text, i) > 0) {
      const tag = text.slice(i, matchEnd(dollarTag, text, i));
      const close = text.indexOf(tag, i + tag.length);
      end = close < 0 ? -1 : close + tag.length;
      out.push({ kind: 'string' });
    } else if (matchEnd(wordPattern, text, i) > 0) {
      end = matchEnd(wordPattern, text, i);
      const w = text.slice(i, end);
      // E'…' is a string with backslash escapes.
      if ((w === 'e' || w === 'E') && text[end] === "'") {
        end = closingQuote(text, end, "'", true);
        out.push({ kind: 'string' });
      } else {
        out.push({ kind: 'word', text: w.toLowerCase() });
      }
    } else {
      end = i + 1;
      out.push(c === ';' ? { kind: 'semicolon' } : { kind: 'other', text: c });
    }
    if (end < 0) return null;
    i = end;
  }
  return out;
}

const isWord = (t: Token | undefined, ...words: string[]) =>
  t?.kind === 'word' && words.includes(t.text);

const nameOf = (t: Token | undefined): string | null =>
  t?.kind === 'word' || t?.kind === 'quoted' ? t.text : null;

const isTempName = (t: Token | undefined) => tempName.test(nameOf(t) ?? '');

/**
 * A CREATE, INSERT INTO or DROP whose only target is a temporary object of temp-tables.ts
 * (`CREATE TEMP TABLE "faultline_drift_cdf_3" AS SELECT …`), by its leading words.
 */
function writesOnlyTemp(tokens: readonly Token[]): boolean {
  let i = 1;
  const skip = (...words: string[]) => {
    while (isWord(tokens[i], ...words)) i++;
  };
  // The name alone: `faultline_x_1.t` would name a table in a schema called faultline_x_1.
  const temp = () => {
    const next = tokens[i + 1];
    return isTempName(tokens[i]) && !(next?.kind === 'other' && next.text === '.');
  };
  if (isWord(tokens[0], 'create')) {
    skip('or', 'replace', 'temp', 'temporary');
    if (!isWord(tokens[i], 'table', 'view')) return false;
    i++;
    skip('if', 'not', 'exists');
    return temp();
  }
  if (isWord(tokens[0], 'insert')) {
    skip('or', 'replace', 'ignore');
    if (!isWord(tokens[i], 'into')) return false;
    i++;
    return temp();
  }
  if (isWord(tokens[0], 'drop')) {
    if (!isWord(tokens[i], 'table', 'view')) return false;
    i++;
    skip('if', 'exists');
    return (
      isTempName(tokens[i]) && tokens.slice(i + 1).every((t) => isWord(t, 'cascade', 'restrict'))
    );
  }
  return false;
}

/** What `text` is to the cache (see StatementKind), and whether it names a temporary object. */
export function classifyStatement(text: string): { kind: StatementKind; namesTemp: boolean } {
  const all = tokenize(text);
  if (all === null) return { kind: 'write', namesTemp: false };
  const namesTemp = all.some(isTempName);
  // One statement: a trailing semicolon may close it, but nothing may follow.
  const semicolon = all.findIndex((t) => t.kind === 'semicolon');
  const tokens = semicolon < 0 ? all : all.slice(0, semicolon);
  if (all.slice(tokens.length).some((t) => t.kind !== 'semicolon')) {
    return { kind: 'write', namesTemp };
  }
  const first = tokens.find((t) => !(t.kind === 'other' && t.text === '('));
  if (isWord(first, 'select', 'with')) {
    if (tokens.some((t) => t.kind === 'word' && writeWords.has(t.text))) {
      return { kind: 'write', namesTemp };
    }
    const uncached =
      namesTemp ||
      tokens.some(
        (t, i) =>
          (t.kind === 'word' && volatileWords.has(t.text)) ||
          readsCatalogOrFiles(nameOf(t)?.toLowerCase() ?? '') ||
          // FROM 'file.csv': DuckDB reads a file named by a string in place.
          (t.kind === 'string' && isWord(tokens[i - 1], 'from', 'join')),
      );
    return { kind: uncached ? 'uncached-read' : 'cacheable', namesTemp };
  }
  return { kind: writesOnlyTemp(tokens) ? 'temp-write' : 'write', namesTemp };
}

/** The cache key: the text and each bound value with its type (1 and '1' bind differently). */
const keyOf = (q: Sql) => JSON.stringify([q.text, q.params.map((p) => [typeof p, String(p)])]);

/** An Arrow table's buffer bytes (every batch and child), the key's text beside it. */
function entryBytes(key: string, table: Table): number {
  return key.length * 2 + table.data.reduce((n, data) => n + data.byteLength, 0);
}

/**
 * `engine` with a cache of read results: the same SELECT or WITH (text and bound values) against
 * unchanged data returns the kept Arrow table (shared between callers: read it, never change it),
 * least recently used first out beyond `limits`. Files registered or dropped, Arrow inserted and
 * every statement that is not a plain read empty it; reads that name a temporary object of
 * temp-tables.ts, read the catalog or files, or vary (random(), now()) are never kept, which lets
 * writes to those temporary objects alone keep the cache. A read that overlapped a write is not
 * kept either.
 */
export function cachingEngine(
  engine: Engine,
  limits: Partial<QueryCacheLimits> = {},
): CachingEngine {
  const { maxEntries, maxBytes } = { ...defaultQueryCacheLimits, ...limits };
  const entries = new Map<string, { table: Table; bytes: number }>();
  const counts = { hits: 0, misses: 0, uncached: 0, invalidations: 0 };
  let bytes = 0;
  /** Bumped around every write, so a read that overlapped one is not kept. */
  let generation = 0;
  /**
   * A lasting object (a view, say) was made from a temporary one, so a temporary write can
   * change what a kept read returns: from then on, such writes empty the cache too.
   */
  let tempHasDependents = false;

  function keep(key: string, table: Table): void {
    const size = entryBytes(key, table);
    if (size > maxBytes) return;
    entries.set(key, { table, bytes: size });
    bytes += size;
    for (const [oldest, entry] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      entries.delete(oldest);
      bytes -= entry.bytes;
    }
  }

  async function write<T>(run: () => Promise<T>): Promise<T> {
    entries.clear();
    bytes = 0;
    generation++;
    counts.invalidations++;
    try {
      return await run();
    } finally {
      generation++;
    }
  }

  return {
    async query(q: Sql, opts?: QueryOptions) {
      const { kind, namesTemp } = classifyStatement(q.text);
      if (kind === 'cacheable') {
        const key = keyOf(q);
        const kept = entries.get(key);
        if (kept !== undefined) {
          throwIfAborted(opts?.signal);
          entries.delete(key);
          entries.set(key, kept);
          counts.hits++;
          return kept.table;
        }
        counts.misses++;
        const started = generation;
        const table = await engine.query(q, opts);
        if (generation === started) keep(key, table);
        return table;
      }
      if (kind === 'uncached-read') {
        counts.uncached++;
        return engine.query(q, opts);
      }
      if (kind === 'temp-write' && !tempHasDependents) return engine.query(q, opts);
      if (kind === 'write' && namesTemp) tempHasDependents = true;
      return write(() => engine.query(q, opts));
    },
    registerFile: (name, handle) => write(() => engine.registerFile(name, handle)),
    dropFile: (name) => write(() => engine.dropFile(name)),
    insertArrowIpc: (tableName, ipcStream, opts) =>
      write(() => engine.insertArrowIpc(tableName, ipcStream, opts)),
    close: () => write(() => engine.close()),
    stats: () => ({ ...counts, entries: entries.size, bytes }),
  };
}
