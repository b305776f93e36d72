// Findings from the drift table: drifted inputs (and whether the errors sit where they moved),
// missing-rate jumps, new categories, and the label's own shift (rules in findings.ts).
import type {
  DriftColumnResult,
  DriftImpactBin,
  DriftResult,
} from '../analyses/drift/drift-result.ts';
import { isSignificant } from '../stats/multiple-testing.ts';
import type { Finding, Severity } from './finding.ts';
import { countText, percentText, psiText, pText, type PositiveWords } from './finding-words.ts';

/** A new category is named from this share of the current values. */
export const NEW_CATEGORY_SHARE = 0.01;

const edgeText = (x: number) => String(Number(x.toPrecision(4)));

/**
 * The bin where a drifted column's errors concentrate, among the bins it moved into: big enough
 * to judge (the impact's min_bin_rows), its error rate's Wilson interval wholly above the overall
 * rate, and holding a larger share of the current values than of the reference's (or the missing
 * values, when the missing rate rose). The largest lift of those; null when none.
 */
export function concentratedBin(c: DriftColumnResult, drift: DriftResult): DriftImpactBin | null {
  const overall = drift.impact?.error_rate.value ?? null;
  const minRows = drift.impact?.min_bin_rows ?? Infinity;
  if (overall === null || !c.impact || !c.bins) return null;
  const { p, q } = c.bins;
  const grew = (b: DriftImpactBin) =>
    b.index === null
      ? b.label === '(missing)' && (c.missing.current ?? 0) > (c.missing.reference ?? 0)
      : (q?.[b.index] ?? 0) > (p?.[b.index] ?? 0);
  let best: DriftImpactBin | null = null;
  for (const b of c.impact.bins) {
    const worse = b.error_rate.low !== null && b.error_rate.low > overall;
    if (b.rows < minRows || !worse || !grew(b)) continue;
    if (best === null || (b.lift ?? 0) > (best.lift ?? 0)) best = b;
  }
  return best;
}

/** "its top bin (> 134.4)", "its value electronics", "its missing values". */
export function binWords(c: DriftColumnResult, b: DriftImpactBin): string {
  if (b.index === null)
    return b.label === '(missing)' ? 'its missing values' : 'its invalid values';
  if (c.bins?.mode === 'categorical') return `its value ${String(b.label)}`;
  const edges = c.bins?.edges ?? [];
  const last = edges.at(-1);
  const first = edges[0];
  if (b.index === edges.length && last !== undefined) return `its top bin (> ${edgeText(last)})`;
  if (b.index === 0 && first !== undefined) return `its bottom bin (≤ ${edgeText(first)})`;
  return `its bin ${String(b.label)}`;
}

const isInput = (c: DriftColumnResult) => c.role === 'feature';

function driftFinding(c: DriftColumnResult, drift: DriftResult): Finding | null {
  if (!isInput(c) || c.psi === null || (c.band !== 'significant' && c.band !== 'moderate')) {
    return null;
  }
  const bin = c.band === 'significant' ? concentratedBin(c, drift) : null;
  const severity: Severity = c.band === 'moderate' ? 'low' : bin ? 'high' : 'medium';
  const since = c.since ?? null;
  const moved =
    c.band === 'significant'
      ? `${c.name} drifted (PSI ${psiText(c.psi)}, significant)${since ? ` since ${since}` : ''}`
      : `${c.name} shifted moderately (PSI ${psiText(c.psi)}, under the 0.2 that counts as drift)`;
  const errors =
    bin === null
      ? ''
      : ` The error rate there is ${percentText(bin.error_rate.value)} over ${countText(bin.rows)} rows, ×${bin.lift?.toFixed(2) ?? '?'} the overall ${percentText(drift.impact?.error_rate.value ?? null)}.`;
  return {
    id: `drift:${c.name}`,
    kind: 'drift',
    severity,
    title: bin ? `${moved}; errors concentrate in ${binWords(c, bin)}` : moved,
    detail: `${c.name}: ${c.reason}.${errors}`,
    since,
    who: null,
    evidence: { view: 'drift', column: c.name },
    numbers: {
      column: c.name,
      psi: c.psi,
      band: c.band,
      since,
      impact_bin: bin === null ? null : String(bin.label),
      impact_lift: bin?.lift ?? null,
      magnitude: Math.min(1, c.psi),
    },
  };
}

/** Each window's missing rate from `since` on, as a range: "34–36%". */
function missingSince(c: DriftColumnResult, drift: DriftResult, since: string): string | null {
  const rates = (drift.timeline ?? [])
    .filter((w) => w.window >= since)
    .map((w) => w.columns.find((x) => x.name === c.name)?.missing_rate ?? null)
    .filter((r): r is number => r !== null);
  if (rates.length === 0) return null;
  const low = percentText(Math.min(...rates));
  const high = percentText(Math.max(...rates));
  return low === high ? low : `${low.replace('%', '')}–${high}`;
}

function missingFinding(c: DriftColumnResult, drift: DriftResult): Finding | null {
  if (!isInput(c) || !c.missing.shifted) return null;
  const since = c.missing.since ?? null;
  const perWindow = since === null ? null : missingSince(c, drift, since);
  const unit = drift.window?.unit ?? 'window';
  const reference = percentText(c.missing.reference);
  const title =
    since !== null && perWindow !== null
      ? `${c.name} is missing in ${perWindow} of rows each ${unit} since ${since} (${reference} in the reference)`
      : `${c.name} is missing in ${percentText(c.missing.current)} of current rows (${reference} in the reference)`;
  return {
    id: `missing:${c.name}`,
    kind: 'missing',
    severity: 'high',
    title,
    detail: `Missing rate ${percentText(c.missing.reference)} in the reference, ${percentText(c.missing.current)} over the whole current data (+${((c.missing.delta ?? 0) * 100).toFixed(1)} points; z-test q ${pText(c.missing.q)}).`,
    since,
    who: null,
    evidence: { view: 'drift', column: c.name },
    numbers: {
      column: c.name,
      reference_rate: c.missing.reference,
      current_rate: c.missing.current,
      since,
      magnitude: Math.min(1, c.missing.delta ?? 0),
    },
  };
}

function newCategoryFinding(c: DriftColumnResult): Finding | null {
  if (!isInput(c)) return null;
  const named = c.new_categories.filter((v) => v.share >= NEW_CATEGORY_SHARE);
  if (named.length === 0) return null;
  const values = named.map((v) => `${String(v.value)} (${percentText(v.share)} of current values)`);
  const since = c.band === 'significant' ? (c.since ?? null) : null;
  const share = named.reduce((a, v) => a + v.share, 0);
  return {
    id: `new_category:${c.name}`,
    kind: 'new_category',
    severity: 'medium',
    title: `${c.name} has ${named.length === 1 ? 'a new value' : `${named.length} new values`} never seen in the reference: ${values.join(', ')}${since ? `; the column drifted since ${since}` : ''}`,
    detail: `New in the current data: ${named.map((v) => `${String(v.value)}, ${countText(v.count)} values`).join('; ')}${c.new_categories.length > named.length ? ` (and ${c.new_categories.length - named.length} rarer new values)` : ''}.`,
    since,
    who: null,
    evidence: { view: 'drift', column: c.name },
    numbers: {
      column: c.name,
      values: named.map((v) => String(v.value)).join(', '),
      share,
      since,
      magnitude: Math.min(1, share),
    },
  };
}

/** The share of the positive value on each side of the label's bins. */
function baseRates(
  c: DriftColumnResult,
  positive: string,
): { reference: number; current: number } | null {
  const i = c.bins?.categories?.findIndex((v) => String(v) === positive) ?? -1;
  const reference = c.bins?.p?.[i];
  const current = c.bins?.q?.[i];
  return i < 0 || reference === undefined || current === undefined ? null : { reference, current };
}

function labelShiftFinding(
  c: DriftColumnResult,
  label: { positive: string; words: PositiveWords } | null,
): Finding | null {
  if (c.role !== 'label' || c.psi === null || c.band === null) return null;
  const test = c.chi2?.q ?? c.ks?.q ?? null;
  const moved = c.band !== 'stable' || isSignificant(test) === true;
  if (!moved) return null;
  const rates = label ? baseRates(c, label.positive) : null;
  const since = c.since ?? null;
  const testText = test === null ? '' : `${c.chi2 ? 'chi-square' : 'KS'} q ${pText(test)}; `;
  const evidence = `${c.name}: ${testText}PSI ${psiText(c.psi)}, ${c.band}`;
  const title =
    rates && label
      ? `The ${label.words.rate} ${rates.current >= rates.reference ? 'rose' : 'fell'} from ${percentText(rates.reference)} in the reference to ${percentText(rates.current)} in the current data (${evidence})`
      : `The label ${c.name} shifted (${evidence})`;
  const relative =
    rates && rates.reference > 0
      ? Math.abs(rates.current - rates.reference) / rates.reference
      : null;
  return {
    id: `label_shift:${c.name}`,
    kind: 'label_shift',
    severity: c.band === 'significant' ? 'high' : 'medium',
    title: since ? `${title} since ${since}` : title,
    detail: `${c.name}: ${c.reason}.`,
    since,
    who: null,
    evidence: { view: 'drift', column: c.name },
    numbers: {
      column: c.name,
      reference_rate: rates?.reference ?? null,
      current_rate: rates?.current ?? null,
      psi: c.psi,
      band: c.band,
      q: test,
      since,
      magnitude: Math.min(1, relative ?? c.psi),
    },
  };
}

/** Every drift, missing, new-category and label-shift finding of the drift table. */
export function driftFindings(
  drift: DriftResult | null,
  label: { positive: string; words: PositiveWords } | null,
): Finding[] {
  if (drift === null) return [];
  return drift.columns.flatMap((c) =>
    [
      driftFinding(c, drift),
      missingFinding(c, drift),
      newCategoryFinding(c),
      labelShiftFinding(c, label),
    ].filter((f): f is Finding => f !== null),
  );
}
