// Findings from the weak-slice search: its best slices, each once (rules in findings.ts).
import type { Slice, SlicesResult } from '../analyses/slices/slices-result.ts';
import type { Finding } from './finding.ts';
import { countText, percentText, pText } from './finding-words.ts';
import { sharesWithNamed } from './performance-findings.ts';

/** Weak slices considered: the search's best first. */
export const MAX_SLICE_FINDINGS = 3;

function sliceTitle(s: Slice, measure: SlicesResult['error_measure'], who: string): string {
  const rows = countText(s.size);
  const lift = `${s.lift.toFixed(1)}×`;
  if (measure === 'squared_error') {
    return `The squared error is ${lift} the overall mean for ${who} (${rows} rows)`;
  }
  const ref = s.reference;
  const before =
    ref?.history === 'broke' && ref.error !== null
      ? `, up from ${percentText(ref.error)} in the reference`
      : ref?.history === 'always_hard'
        ? ', as in the reference'
        : '';
  return `The model errs on ${percentText(s.error)} of ${who} (${rows} rows), ${lift} the overall rate${before}`;
}

/**
 * The search's best slices (at most MAX_SLICE_FINDINGS looked at): 'broke' against the reference
 * high, otherwise medium; a slice sharing a predicate with a cohort or slice already named is not
 * named again.
 */
export function sliceFindings(slices: SlicesResult | null, named: readonly Finding[]): Finding[] {
  if (slices === null) return [];
  const out: Finding[] = [];
  for (const s of slices.slices.slice(0, MAX_SLICE_FINDINGS)) {
    if (sharesWithNamed(s.predicates, [...named, ...out])) continue;
    const who = s.terms.map((t) => t.text).join(' AND ');
    const ref = s.reference;
    const inReference = ref
      ? `; in the reference ${ref.error?.toFixed(4) ?? 'n/a'} over ${countText(ref.size)} rows, ${ref.history.replace('_', ' ')} (q ${pText(ref.q)})`
      : '';
    out.push({
      id: `slice:${s.text}`,
      kind: 'slice',
      severity: ref?.history === 'broke' ? 'high' : 'medium',
      title: sliceTitle(s, slices.error_measure, who),
      detail: `Weak slice ${who}: error ${s.error.toFixed(4)} over ${countText(s.size)} rows against ${slices.mean_error?.toFixed(4) ?? 'n/a'} overall (SliceLine score ${s.score.toFixed(3)})${inReference}.`,
      since: null,
      who: s.predicates,
      evidence: { view: 'slices', cohort: s.predicates },
      numbers: {
        error: s.error,
        lift: s.lift,
        rows: s.size,
        reference_error: ref?.error ?? null,
        history: ref?.history ?? null,
        q: ref?.q ?? null,
        magnitude: Math.min(1, 1 - 1 / Math.max(1, s.lift)),
      },
    });
  }
  return out;
}
