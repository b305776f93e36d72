import { formatShare } from '../../shared/analyses/drift/drift-reason.ts';
import type { DriftColumnResult, DriftResult } from '../../shared/analyses/drift/drift-result.ts';
import { describePredicates } from '../../shared/sql/predicate.ts';
import { formatPValue } from '../../shared/text/p-value.ts';
import { renderTable } from '../text-table.ts';

const count = new Intl.NumberFormat('en-US');
const bandOrder = { significant: 0, moderate: 1, stable: 2 } as const;
/** The readable table aims at this width; only the last cell gives way. */
const WIDTH = 120;

function decimal(x: number | null, digits = 3): string {
  if (x === null) return '-';
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(digits);
}

function test(c: DriftColumnResult): [string, string, string] {
  if (c.ks) return [`KS ${decimal(c.ks.d)}`, formatPValue(c.ks.p), formatPValue(c.ks.q)];
  if (c.chi2) {
    return [`chi² ${decimal(c.chi2.stat, 1)}`, formatPValue(c.chi2.p), formatPValue(c.chi2.q)];
  }
  return ['-', '-', '-'];
}

function missing(c: DriftColumnResult): string {
  const text = `${formatShare(c.missing.reference)} → ${formatShare(c.missing.current)}`;
  return c.missing.shifted ? `${text} SHIFTED` : text;
}

/** A feature's kind; the model's own columns by their role (prediction drift, label shift). */
const kindCell = (c: DriftColumnResult): string =>
  c.role !== 'feature' ? c.role : c.kind === 'numeric' ? 'num' : 'cat';

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
      ? [`out of range ${formatShare(c.out_of_range)}`]
      : [];
  const listed = (label: string, list: DriftColumnResult['new_categories'], shares: boolean) =>
    list.map(
      (v, i) =>
        `${i === 0 ? `${label}: ` : ''}${String(v.value)}${shares ? ` (${formatShare(v.share)})` : ''}`,
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

/** Where the current errors concentrate in a column: the worst bin's lift over the overall rate. */
function impactCell(c: DriftColumnResult): string {
  if (!c.impact || c.impact.lift === null || c.impact.bin === null) return '';
  const bin = String(c.impact.bin);
  // The bin's label is cut to keep the table readable; the JSON has it whole.
  return `×${c.impact.lift.toFixed(2)} ${bin.length > 12 ? `${bin.slice(0, 11)}…` : bin}`;
}

/** Words packed into lines of at most WIDTH characters (a longer word has a line of its own). */
function pack(words: readonly string[], first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of words) {
    const next = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
    if (line.trim() !== '' && next.length > WIDTH) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = next;
  }
  return [...lines, line];
}

/**
 * A reason wrapped at WIDTH after `first`, later lines indented by `indent`: lines break between
 * its `; `-separated parts where they fit, so a number stays beside its threshold.
 */
function wrapReason(reason: string, first: string, indent: string): string[] {
  const parts = reason.split('; ').map((p, i, all) => (i < all.length - 1 ? `${p};` : p));
  const lines: string[] = [];
  let line = first;
  for (const part of parts) {
    const next = line.trim() === '' ? `${line}${part}` : `${line} ${part}`;
    if (next.length <= WIDTH) line = next;
    else if (`${indent}${part}`.length <= WIDTH && line.trim() !== '') {
      lines.push(line);
      line = `${indent}${part}`;
    } else {
      const packed = pack(part.split(' '), line, indent);
      lines.push(...packed.slice(0, -1));
      line = packed.at(-1) ?? '';
    }
  }
  return [...lines, line];
}

/** What was compared: the features, and the model's own columns named by role. */
function comparedLines(columns: readonly DriftColumnResult[]): string[] {
  const n = columns.length;
  const features = columns.filter((c) => c.role === 'feature').length;
  const own = columns.filter((c) => c.role !== 'feature').map((c) => `${c.name} (${c.role})`);
  const what = `${n} column${n === 1 ? '' : 's'} compared`;
  return [
    ...(own.length > 0
      ? pack(`${what}: ${features} features and ${own.join(', ')}.`.split(' '), '', '  ')
      : [`${what}.`]),
    'band from PSI: stable < 0.1, moderate < 0.2, significant >= 0.2 (= drifted).',
  ];
}

/** A side without rows leaves nothing to compare; say so before a table of n/a. */
function emptySides(result: DriftResult): string[] {
  return (['reference', 'current'] as const)
    .filter((side) => result[side].rows === 0)
    .map(
      (side) =>
        `note: the ${side} data has no rows${result.where ? ' in this cohort' : ''}: nothing to compare`,
    );
}

/** The readable summary: a header, one row per column, the counts, and why rows are flagged. */
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
      kindCell(c),
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
    ...(result.where ? [`cohort:    ${describePredicates(result.where)} (on both sides)`] : []),
    ...emptySides(result),
    ...comparedLines(result.columns),
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
  const flagged = sorted.filter((c) => c.drifted || c.band === 'moderate' || c.missing.shifted);
  if (flagged.length > 0) {
    lines.push('', 'why:', ...flagged.flatMap((c) => wrapReason(c.reason, `  ${c.name}:`, '    ')));
  }
  return lines.join('\n');
}
