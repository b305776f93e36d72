import { FaultlineError } from '../../shared/errors.ts';
import type { Engine, Progress } from '../../shared/engine/engine.ts';
import type { DriftColumnResult, DriftResult } from '../../shared/analyses/drift/drift-result.ts';
import {
  driftSpecFromSchemas,
  type DriftSpecOptions,
  type DriftWindowUnit,
} from '../../shared/analyses/drift/drift-spec.ts';
import { runDrift } from '../../shared/analyses/drift/run-drift.ts';
import type { DatasetSchema } from '../../shared/schema/dataset-schema.ts';
import { parse, roleOptions, schemaOverrides } from '../args.ts';
import type { CommandOutput } from '../command.ts';
import { exitCodes } from '../exit-codes.ts';
import { openDataset, type OpenedDataset } from '../open-dataset.ts';
import { terminalProgress } from '../progress.ts';
import { renderTable } from '../text-table.ts';

export const driftUsage = `faultline drift --reference R --current C [--columns a,b] [--fail-on-drift] [--json]
                [--label COL] [--score COL] [--prediction COL] [--time COL] [--id COL] [--model COL]
                [--task binary|multiclass|regression] [--positive VALUE]
                [--kind COL=numeric|categorical|datetime|text] [--delimiter C]
  Compares each feature's distribution in C with R (PSI band, JS, KS or chi-square, missing rate).
  --columns limits the comparison to those columns (repeat --columns NAME for a name with a comma).
  --fail-on-drift exits 1 when any column's band is significant (PSI >= 0.2).`;

const driftOptions = {
  ...roleOptions,
  reference: { type: 'string' },
  current: { type: 'string' },
  columns: { type: 'string', multiple: true },
  window: { type: 'string' },
  'fail-on-drift': { type: 'boolean', default: false },
} as const;

/**
 * `--columns` values → column names. A value that names a reference column exactly is taken
 * whole (so a name holding a comma works); otherwise it is split on commas.
 */
function columnList(values: readonly string[], reference: DatasetSchema): string[] {
  const names = new Set(reference.columns.map((c) => c.name));
  const pick = (piece: string) =>
    names.has(piece) || !names.has(piece.trim()) ? piece : piece.trim();
  const out = values.flatMap((v) =>
    names.has(v)
      ? [v]
      : v
          .split(',')
          .filter((p) => p.trim() !== '')
          .map(pick),
  );
  if (out.length === 0) {
    throw new FaultlineError({ code: 'bad_argument', message: '--columns: no column names given' });
  }
  return [...new Set(out)];
}

const count = new Intl.NumberFormat('en-US');
const bandOrder = { significant: 0, moderate: 1, stable: 2 } as const;
/** The readable table aims at this width; only the last cell gives way. */
const WIDTH = 120;

function percent(share: number | null): string {
  if (share === null) return '-';
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed(1)}%`;
}

function decimal(x: number | null, digits = 3): string {
  if (x === null) return '-';
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(digits);
}

/** p and q: fixed while readable, then one significant digit; below 1e-16 as a bound. */
function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined) return '-';
  if (p < 1e-16) return '<1e-16';
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(0);
}

function test(c: DriftColumnResult): [string, string, string] {
  if (c.ks) return [`KS ${decimal(c.ks.d)}`, pValue(c.ks.p), pValue(c.ks.q)];
  if (c.chi2) return [`chi² ${decimal(c.chi2.stat, 1)}`, pValue(c.chi2.p), pValue(c.chi2.q)];
  return ['-', '-', '-'];
}

function missing(c: DriftColumnResult): string {
  const text = `${percent(c.missing.reference)} → ${percent(c.missing.current)}`;
  return c.missing.shifted ? `${text} SHIFTED` : text;
}

/** Items joined while they fit in `room`, then `+N more`; the first is always shown. */
function fit(items: readonly string[], room: number): string {
  let text = '';
  for (const [i, item] of items.entries()) {
    const next = text ? `${text}, ${item}` : item;
    const left = items.length - i - 1;
    if (text && (next + (left > 0 ? `, +${left} more` : '')).length > room) {
      return `${text}, +${left + 1} more`;
    }
    text = next;
  }
  return text;
}

/**
 * Out-of-range rate, then new and vanished values with their shares; without the shares when
 * they do not fit in `room` characters.
 */
function novelty(c: DriftColumnResult, room: number): string {
  const range =
    c.out_of_range !== null && c.out_of_range > 0
      ? [`out of range ${percent(c.out_of_range)}`]
      : [];
  const listed = (label: string, list: DriftColumnResult['new_categories'], shares: boolean) =>
    list.map(
      (v, i) =>
        `${i === 0 ? `${label}: ` : ''}${String(v.value)}${shares ? ` (${percent(v.share)})` : ''}`,
    );
  const [withShares, bare] = [true, false].map((shares) =>
    fit(
      [...range, ...listed('new', c.new_categories, shares), ...listed('gone', c.vanished, shares)],
      room,
    ),
  );
  return withShares !== undefined && withShares.length <= room ? withShares : (bare ?? '');
}

const rank = (c: DriftColumnResult) => (c.band === null ? 3 : bandOrder[c.band]);

/**
 * The columns as a person reads them: by band (significant first), a flagged missing-rate shift
 * first within its band, then by PSI, largest first.
 */
export function sortForReading(columns: readonly DriftColumnResult[]): DriftColumnResult[] {
  return [...columns].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(b.missing.shifted) - Number(a.missing.shifted) ||
      (b.psi ?? -1) - (a.psi ?? -1),
  );
}

function names(list: readonly DriftColumnResult[]): string {
  const shown = list.slice(0, 6).map((c) => c.name);
  return shown.join(', ') + (list.length > 6 ? `, +${list.length - 6} more` : '');
}

const isWindowUnit = (w: string): w is DriftWindowUnit =>
  w === 'day' || w === 'week' || w === 'month';

/** Where the current errors concentrate in a column: the worst bin's lift over the overall rate. */
function impactCell(c: DriftColumnResult): string {
  if (!c.impact || c.impact.lift === null || c.impact.bin === null) return '';
  const bin = String(c.impact.bin);
  // The bin's label is cut to keep the table readable; the JSON has it whole.
  return `×${c.impact.lift.toFixed(2)} ${bin.length > 12 ? `${bin.slice(0, 11)}…` : bin}`;
}

/** The readable summary: a header, one row per column, and the counts that matter. */
export function driftText(result: DriftResult, reference: string, current: string): string {
  const sorted = sortForReading(result.columns);
  const n = result.columns.length;
  const withSince = result.timeline !== undefined;
  const withImpact = result.impact !== undefined;
  const header = [
    'column',
    'kind',
    'band',
    ...(withSince ? ['since'] : []),
    'PSI',
    'test',
    'p',
    'q',
    ...(withImpact ? ['errors where'] : []),
    'missing ref → cur',
  ];
  const rows = sorted.map((c) => {
    const [stat, p, q] = test(c);
    return [
      c.name,
      c.kind === 'numeric' ? 'num' : 'cat',
      c.band ?? 'n/a',
      ...(withSince ? [c.since ?? '—'] : []),
      decimal(c.psi),
      stat,
      p,
      q,
      ...(withImpact ? [impactCell(c)] : []),
      missing(c),
    ];
  });
  const used = header
    .map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)) + 2)
    .reduce((a, b) => a + b, 0);
  const room = Math.max(18, WIDTH - used);
  const lines = [
    `reference: ${reference} (${count.format(result.reference.rows)} rows)`,
    `current:   ${current} (${count.format(result.current.rows)} rows)`,
    `${n} column${n === 1 ? '' : 's'} compared. band from PSI: stable < 0.1, moderate < 0.2, ` +
      'significant >= 0.2 (= drifted).',
    'test: KS D (numeric) or chi² (categorical), its p and q (p adjusted for all columns, BH).',
    '',
    sorted.length === 0
      ? 'no numeric or categorical feature column is in both files (name some with --columns)'
      : renderTable(
          [...header, 'new in current'],
          rows.map((r, i) => {
            const c = sorted[i];
            return [...r, c ? novelty(c, room) : ''];
          }),
          [
            false,
            false,
            false,
            ...(withSince ? [false] : []),
            true,
            false,
            true,
            true,
            ...(withImpact ? [false] : []),
            false,
            false,
          ],
        ),
  ];
  const drifted = result.columns.filter((c) => c.drifted);
  const moderate = result.columns.filter((c) => c.band === 'moderate');
  const shifted = result.columns.filter((c) => c.missing.shifted);
  lines.push(
    '',
    `${drifted.length} of ${n} column${n === 1 ? '' : 's'} drifted (significant)` +
      (drifted.length ? `: ${names(drifted)}` : '') +
      (moderate.length ? `; ${moderate.length} moderate: ${names(moderate)}` : ''),
    `${shifted.length} missing-rate shift${shifted.length === 1 ? '' : 's'} ` +
      '(missing rate up 5 points or more, q < 0.05)' +
      (shifted.length ? `: ${names(shifted)}` : ''),
  );
  // Asked-for parts that could not be computed say why, rather than silently missing.
  if (result.skipped?.timeline) lines.push(`no timeline: ${result.skipped.timeline}`);
  if (result.skipped?.impact) lines.push(`no impact: ${result.skipped.impact}`);
  return lines.join('\n');
}

/** Runs `f`, prefixing a FaultlineError's message with the flag it came from. */
function withFlag<T>(flag: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof FaultlineError && !e.message.startsWith(flag)) {
      throw new FaultlineError({ ...e.toData(), message: `${flag}: ${e.message}` });
    }
    throw e;
  }
}

async function open(
  engine: Engine,
  flag: string,
  input: string,
  opts: Parameters<typeof openDataset>[2],
  onProgress: (p: Progress) => void,
): Promise<OpenedDataset> {
  try {
    return await openDataset(engine, input, opts, {
      onProgress: (p) => onProgress({ ...p, phase: `${flag}: ${p.phase}` }),
    });
  } catch (e) {
    // Role flags apply to both inputs: say which one lacks the column.
    if (e instanceof FaultlineError && !e.message.includes(input)) {
      throw new FaultlineError({ ...e.toData(), message: `--${flag} ${input}: ${e.message}` });
    }
    throw e;
  }
}

/** `faultline drift --reference R --current C`: each column's drift from R to C (CLI.md). */
export async function driftCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, driftOptions);
  if (values.help) return { text: driftUsage, json: null, exitCode: 0 };
  const unit = values.window;
  if (unit !== undefined && !isWindowUnit(unit)) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `--window must be day, week or month, not '${unit}'`,
    });
  }
  const { reference, current } = values;
  if (reference === undefined || current === undefined || positionals.length > 0) {
    const what =
      positionals.length > 0
        ? `unexpected argument '${positionals[0] ?? ''}'`
        : `missing --${reference === undefined ? 'reference' : 'current'}`;
    throw new FaultlineError({
      code: 'bad_argument',
      message: `drift: ${what}; usage: faultline drift --reference R --current C (--help for more)`,
    });
  }
  const opts = {
    overrides: schemaOverrides(values),
    ...(values.delimiter !== undefined ? { delimiter: values.delimiter } : {}),
  };
  const progress = terminalProgress();
  try {
    const e = await engine();
    const r = await open(e, 'reference', reference, opts, progress.onProgress);
    const c = await open(e, 'current', current, opts, progress.onProgress);
    // Impact whenever the current log has a label; a timeline with `since` when --window asks.
    const extras: DriftSpecOptions = {
      impact: true,
      ...(unit !== undefined && isWindowUnit(unit) ? { window: unit } : {}),
    };
    const spec = values.columns
      ? withFlag('--columns', () =>
          driftSpecFromSchemas(r.schema, c.schema, {
            ...extras,
            columns: columnList(values.columns ?? [], r.schema),
          }),
        )
      : withFlag('--window', () => driftSpecFromSchemas(r.schema, c.schema, extras));
    const result = await runDrift(e, spec, { onProgress: progress.onProgress });
    const gate = values['fail-on-drift'] && result.columns.some((col) => col.drifted);
    return {
      text: driftText(result, reference, current),
      json: result,
      exitCode: gate ? exitCodes.gateFailed : exitCodes.ok,
    };
  } finally {
    progress.done();
  }
}
