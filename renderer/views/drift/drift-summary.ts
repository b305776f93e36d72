import type { DriftResult } from '../../../shared/analyses/drift/drift-result.ts';
import { plural } from '../../../shared/text/plural.ts';
import { formatCount, formatPercent } from '../../format/numbers.ts';
import { driftHarm } from './drift-harm.ts';

const names = (list: readonly { name: string }[]) => list.map((c) => c.name).join(', ');

/** The drift result in a few sentences, most important first: what drifted, where it hurts. */
export function driftSummaryLines(result: DriftResult): string[] {
  const { columns, impact } = result;
  const drifted = columns.filter((c) => c.band === 'significant');
  const moderate = columns.filter((c) => c.band === 'moderate');
  const harmful = columns.filter((c) => driftHarm(c, impact) === 'harmful');
  const shifted = columns.filter((c) => c.missing.shifted);
  const lines: string[] = [];
  lines.push(
    drifted.length === 0
      ? `None of ${plural(columns.length, 'column')} drifted significantly (PSI ≥ 0.2).`
      : `${drifted.length} of ${plural(columns.length, 'column')} drifted significantly (PSI ≥ 0.2): ${names(drifted)}.`,
  );
  if (moderate.length > 0) lines.push(`Moderate drift (PSI 0.1–0.2): ${names(moderate)}.`);
  if (impact !== undefined) {
    lines.push(
      harmful.length === 0
        ? 'No drifted column has a bin where the model clearly errs more than overall.'
        : `Drift where the model errs more: ${harmful
            .map(
              (c) =>
                `${c.name} (×${c.impact?.lift?.toFixed(2) ?? '?'} in ${String(c.impact?.bin)})`,
            )
            .join(', ')}.`,
    );
  }
  if (shifted.length > 0) {
    lines.push(
      `Missing-rate shift: ${shifted
        .map(
          (c) =>
            `${c.name} (${formatPercent(c.missing.reference ?? 0)} → ${formatPercent(c.missing.current ?? 0)})`,
        )
        .join(', ')}.`,
    );
  }
  const facts = [
    `reference ${formatCount(result.reference.rows)} rows`,
    `current ${formatCount(result.current.rows)} rows`,
  ];
  if (impact !== undefined && impact.error_rate.value !== null) {
    facts.push(`current error rate ${formatPercent(impact.error_rate.value)} (${impact.label})`);
  }
  if (result.window !== undefined) {
    facts.push(`${result.window.unit} windows on ${result.window.column}`);
  }
  lines.push(`${facts.join(' · ')}.`);
  for (const reason of [result.skipped?.timeline, result.skipped?.impact]) {
    if (reason !== undefined) lines.push(`Not shown: ${reason}.`);
  }
  return lines;
}
