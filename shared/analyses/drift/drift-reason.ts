// Why a drift row is flagged or not, in words: the verdict with the number and threshold that
// decided it, then the tests and what else a reader should know (STATS.md "Many tests at once":
// no verdict is a mystery). Pure: the same row always reads the same.
import { isSignificant } from '../../stats/multiple-testing.ts';
import { PSI_MODERATE, PSI_SIGNIFICANT } from '../../stats/psi.ts';
import { formatPValue } from '../../text/p-value.ts';
import { isMissingRise, MISSING_SHIFT } from './drift-missing.ts';
import type { DriftCategoryCount, DriftColumnResult, DriftSideCounts } from './drift-result.ts';

/** New or vanished values named in a reason before the rest are counted. */
const LISTED_VALUES = 3;

/** A share for people: `18.6%`, `<0.1%` for a few values, `0%` for none. */
export function formatShare(share: number | null): string {
  if (share === null) return '-';
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed(1)}%`;
}

const fixed = (x: number, digits = 3) => x.toFixed(digits);
const points = (delta: number) => `${fixed(Math.abs(delta) * 100, 1)} points`;
const qText = (q: number) => {
  const text = formatPValue(q);
  return text.startsWith('<') ? `q ${text.replace('<', '< ')}` : `q = ${text}`;
};

/** Why a side has nothing to compare, or null when it has valid values. */
function emptySide(side: 'reference' | 'current', s: DriftSideCounts): string | null {
  if (s.n > 0) return null;
  if (s.rows === 0) return `no rows in the ${side} data`;
  if (s.nulls === s.rows) return `all null in the ${side} data`;
  return `no valid values in the ${side} data (${s.nulls} null, ${s.invalid} not finite)`;
}

function verdict(c: DriftColumnResult): string {
  if (c.psi === null || c.band === null) {
    const why = [emptySide('reference', c.reference), emptySide('current', c.current)];
    const said = why.filter((w): w is string => w !== null);
    return `not compared: ${said.length > 0 ? said.join(' and ') : 'no bins to compare'}`;
  }
  const psi = fixed(c.psi);
  if (c.band === 'significant') {
    const since = c.since ? ` since ${c.since}` : '';
    return `drifted${since}: PSI ${psi} ≥ ${PSI_SIGNIFICANT} (significant)`;
  }
  if (c.band === 'moderate') {
    return `moderate: PSI ${psi} ≥ ${PSI_MODERATE} but < ${PSI_SIGNIFICANT}, not drifted`;
  }
  return `stable: PSI ${psi} < ${PSI_MODERATE}`;
}

/** The distribution test with its q, and how it sits with the verdict. */
function distributionTest(c: DriftColumnResult): string | null {
  const chi2 = c.chi2;
  const test = c.ks
    ? { text: `KS D = ${fixed(c.ks.d)}`, q: c.ks.q }
    : chi2
      ? {
          text: `chi² = ${fixed(chi2.stat, chi2.stat < 1000 ? 1 : 0)} (dof ${chi2.dof})`,
          q: chi2.q,
        }
      : null;
  if (test === null || test.q === null) return null;
  const said = `${test.text}, ${qText(test.q)}`;
  if (!isSignificant(test.q)) return `${said} — not significant`;
  return c.drifted ? said : `${said} — significant, but small by PSI`;
}

/** The missing-rate change when it is flagged or worth a word (significant or 5 points). */
function missingChange(c: DriftColumnResult): string | null {
  const { delta, q, shifted, since } = c.missing;
  if (delta === null || q === null || delta === 0) return null;
  const rates = `${formatShare(c.missing.reference)} → ${formatShare(c.missing.current)}`;
  const direction = delta > 0 ? 'up' : 'down';
  if (shifted) {
    const onset = since ? ` since ${since}` : '';
    return `missing rate up ${points(delta)}${onset} (${rates}, ${qText(q)})`;
  }
  if (isMissingRise(delta)) {
    return `missing rate up ${points(delta)} (${rates}), but ${qText(q)} — not significant`;
  }
  if (isSignificant(q)) {
    const under = delta > 0 ? `, under the ${MISSING_SHIFT * 100}-point threshold` : '';
    return `missing rate ${direction} ${points(delta)} (${rates}, ${qText(q)})${under}`;
  }
  return null;
}

function values(list: readonly DriftCategoryCount[]): string {
  const named = list.slice(0, LISTED_VALUES).map((v) => `${v.value} (${formatShare(v.share)})`);
  const more = list.length - named.length;
  return named.join(', ') + (more > 0 ? `, +${more} more` : '');
}

/** Facts beside the verdict: a constant reference, out-of-range, new, vanished, invalid values. */
function notes(c: DriftColumnResult): string[] {
  const out: string[] = [];
  if (c.constant_reference) {
    const min = 'min' in c.reference ? c.reference.min : null;
    out.push(`constant in the reference (every valid value is ${String(min)})`);
  }
  if (c.out_of_range !== null && c.out_of_range > 0) {
    out.push(`${formatShare(c.out_of_range)} of current values outside the reference range`);
  }
  if (c.new_categories.length > 0) out.push(`new in current: ${values(c.new_categories)}`);
  if (c.vanished.length > 0) out.push(`gone from current: ${values(c.vanished)}`);
  for (const side of ['reference', 'current'] as const) {
    const share = c.invalid[side];
    if (share !== null && share > 0) {
      out.push(`${formatShare(share)} of ${side} rows not finite (counted invalid)`);
    }
  }
  return out;
}

/**
 * A row's reason: its verdict (drifted, moderate, stable, or why it is not compared) with the
 * PSI and threshold that decided it, its test and q, a missing-rate change, and notable facts;
 * a flagged missing-rate shift on an otherwise undrifted row comes first.
 */
export function driftReason(c: DriftColumnResult): string {
  const lead = verdict(c);
  const test = distributionTest(c);
  const missing = missingChange(c);
  const parts =
    c.missing.shifted && !c.drifted && missing !== null
      ? [missing, c.band === null ? lead : `values ${lead}`, test]
      : [lead, test, missing];
  return [...parts.filter((p): p is string => p !== null), ...notes(c)].join('; ');
}
